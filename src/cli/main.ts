#!/usr/bin/env node
/**
 * The `d1-accounts` command: see `d1-accounts --help`, or the README's "Command line".
 */
import { main } from './program.ts';

const status = await main(process.argv);
// Exits explicitly: a kept-alive connection or a timer of a library must not hold the
// command open once its work is done and its output written.
process.exit(status);
