#!/usr/bin/env node
// `prepack` of the repository root: the root package.json is the development workspace (its
// scripts build, test and serve the project), so packing it would ship no loader. The npm
// package is pkg/, which `npm run pack` builds and packs.
console.error(`
npm pack: the repository root is the development workspace, not the npm package.
The package is pkg/ (the loader, its types, README and licences). Build and pack it with:

    npm run pack          # writes tessera-loader-<version>.tgz here

or, after \`npm run build\`:  npm pack ./pkg
`);
process.exit(1);
