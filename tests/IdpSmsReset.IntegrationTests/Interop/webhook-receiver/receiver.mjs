// A receiver as README shows it: the body read as text, checked with the subscription's secret, then trusted.
// It tells the test where it listens (BROWSE) and, once it has EXPECTED deliveries, what it verified (RESULT).
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const expected = Number(process.env.EXPECTED ?? '1');
const received = [];

const webhook = new Webhook(process.env.WEBHOOK_SECRET); // whsec_...

const server = http.createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    try {
      // Throws unless webhook-signature matches webhook-id, webhook-timestamp (within 5 minutes) and the body.
      const event = webhook.verify(body, request.headers);
      console.error(`${event.type} for ${event.subject ?? 'no one'} (${request.headers['webhook-id']})`);
      received.push({ id: request.headers['webhook-id'], type: event.type, source: event.source });
      response.writeHead(204).end();
    } catch (error) {
      received.push({ refused: error.message });
      response.writeHead(400).end();
    }

    if (received.length >= expected) {
      console.log(`RESULT ${JSON.stringify(received)}`);
      server.close();
      process.exit(0);
    }
  });
});

server.listen(0, '127.0.0.1', () => console.log(`BROWSE http://127.0.0.1:${server.address().port}/webhooks`));
