using IdpSmsReset.Core.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace IdpSmsReset.Server.Features.Dev.Sms;

public sealed record SandboxMessage(string Sid, string To, string From, string Body, DateTimeOffset At);
