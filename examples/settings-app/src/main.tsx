import { createRoot } from 'react-dom/client'
import '@model-consent/react/styles.css'
import { App } from './app'
import './styles.css'

createRoot(document.getElementById('root')!).render(<App />)
