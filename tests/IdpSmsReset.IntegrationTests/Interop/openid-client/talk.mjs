// The script's side of the conversation with the test: it asks the test's browser (a person) to open an address and
// waits for where that browser ended (the application's callback), and it hands over its result. One line each way.
import readline from 'node:readline';

const answers = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

export async function browse(url) {
  console.log(`BROWSE ${url}`);
  const { value } = await answers.next();
  return new URL(value);
}

// A device shows its code: the person approves it elsewhere while the script polls.
export function showDeviceCode(url) {
  console.log(`DEVICE ${url}`);
}

export function result(value) {
  console.log(`RESULT ${JSON.stringify(value)}`);
}

export function payloadOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

// openid-client's errors name the RFC's error code in `error`, or their own in `code`.
export function errorOf(error) {
  return error.error ?? error.cause?.error ?? error.code ?? String(error);
}
