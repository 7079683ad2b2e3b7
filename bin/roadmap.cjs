#!/usr/bin/env node
'use strict';
require('../dist/boot.cjs').boot(require('node:path').join(__dirname, '..', 'dist', 'main.cjs'));
