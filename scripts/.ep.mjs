import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
const root = '/work/main'
const which = process.argv[2] || 'ep'
const code = which === 'ep' ? "export { useConsent } from '@model-consent/react'\nexport { createConsentStore, localStorageAdapter } from '@model-consent/core'" : "export { ModelImprovementSetting } from '@model-consent/react'"
const r = await build({ stdin: { contents: code, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, external: ['react', 'react-dom', 'react/jsx-runtime'], define: { 'process.env.NODE_ENV': '"production"' }, alias: { '@model-consent/core': root + '/packages/core/dist/index.js', '@model-consent/react': root + '/packages/react/dist/index.js' }, nodePaths: [root + '/packages/react/node_modules'] })
const out = r.outputFiles[0].text
writeFileSync('/tmp/sz/' + which + '.min.js', out)
console.log('min', out.length, 'gz', gzipSync(out, { level: 9 }).length)
const o = Object.values(r.metafile.outputs)[0]
for (const [f, v] of Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) console.log(v.bytesInOutput, f.replace(root, ''))
