import { createKitList } from './kit-list'
import { startInteractionPage } from './interaction'

startInteractionPage(createKitList)
