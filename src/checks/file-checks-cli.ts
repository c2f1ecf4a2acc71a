// Decodes images and reads videos for inspectFilesSync (./file-checks.ts): a JSON list on stdin, the messages
// for each file as JSON on stdout.
import { text } from 'node:stream/consumers';
import { inspectFiles, type Inspection } from './file-checks.ts';

const list = JSON.parse(await text(process.stdin)) as Inspection[];
process.stdout.write(JSON.stringify(await inspectFiles(list)));
