// The script's side of the conversation with the test (see NodeScript.ConverseAsync): one line each way.
import readline from 'node:readline';

const answers = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

export async function browse(url) {
  console.log(`BROWSE ${url}`);
  const { value } = await answers.next();
  return value;
}

export function result(value) {
  console.log(`RESULT ${JSON.stringify(value)}`);
}
