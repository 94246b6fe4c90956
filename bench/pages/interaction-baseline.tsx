import { createBaselineList } from './baseline-list'
import { startInteractionPage } from './interaction'

startInteractionPage(createBaselineList)
