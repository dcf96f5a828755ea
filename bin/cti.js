#!/usr/bin/env node
console.log('hello from cti', process.argv.slice(2));
