// An Express web application as its developer writes it with passport-openidconnect: the code flow with a client
// secret, the user's profile from userinfo, kept in the application's session. The person signs in through it.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy } from 'passport-openidconnect';
import { browse, result } from './talk.mjs';

const env = process.env;
const port = Number(env.APP_PORT);
const discovery = await (await fetch(new URL('.well-known/openid-configuration', env.IDP_ISSUER))).json();

passport.use(new Strategy({
  issuer: discovery.issuer,
  authorizationURL: discovery.authorization_endpoint,
  tokenURL: discovery.token_endpoint,
  userInfoURL: discovery.userinfo_endpoint,
  clientID: env.CLIENT_ID,
  clientSecret: env.CLIENT_SECRET,
  callbackURL: `http://127.0.0.1:${port}/callback`,
  scope: ['profile'],
  skipUserProfile: false,
}, (issuer, profile, done) => done(null, { issuer, id: profile.id, username: profile.username ?? null })));
passport.serializeUser((user, done) => done(null, user));
passport.deserializeUser((user, done) => done(null, user));

const app = express();
app.use(session({ secret: 'interop only', resave: false, saveUninitialized: true }));
app.use(passport.authenticate('session'));
app.get('/login', passport.authenticate('openidconnect'));
app.get('/callback', passport.authenticate('openidconnect', { failureRedirect: '/failed', failureMessage: true }),
  (req, res) => res.redirect('/profile'));
app.get('/profile', (req, res) => res.type('text/plain').send(JSON.stringify(req.user ?? null)));
app.get('/failed', (req, res) => res.type('text/plain').send(JSON.stringify({ failed: req.session.messages ?? [] })));

const server = app.listen(port, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const profile = await browse(`http://127.0.0.1:${port}/login`);
server.close();
result(JSON.parse(profile));
