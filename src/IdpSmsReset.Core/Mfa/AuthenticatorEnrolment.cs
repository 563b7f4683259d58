using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using System.Globalization;
using System.Security.Cryptography;

namespace IdpSmsReset.Core.Mfa;

/// <summary>An enrolment in progress: the secret to show, and the same secret sealed for the form.</summary>
public sealed record AuthenticatorEnrolment(string Secret, string SealedSecret);
