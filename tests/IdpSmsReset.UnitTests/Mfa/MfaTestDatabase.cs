using Microsoft.Extensions.Logging.Abstractions;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Messaging.FraudGuard;
using Microsoft.Extensions.DependencyInjection;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IdpSmsReset.UnitTests.Mfa;

/// <summary>
/// An in-memory SQLite database with a configured SMS factor and one user, a clock the test moves, and an outbox whose
/// queued texts the test reads (nothing is dispatched).
/// </summary>
public sealed class MfaTestDatabase : IDisposable
{
    public const string UserId = "user-1";
    public const string Phone = "+14155550100";

    // A file, not memory: parallel requests need connections of their own.
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"idp-unit-{Guid.NewGuid():n}.db");

    public MfaTestDatabase()
    {
        Context = NewContext();
        Context.Database.EnsureCreated();
        Context.Add(new SmsFactorSettings
        {
            Primary = new TwilioAccount
            {
                AccountSid = "AC1", ProtectedAuthToken = "x", From = "+15017122661", ValidatedAt = Time.GetUtcNow().UtcDateTime,
            },
            AllowedCountries = "US",
        });
        Context.Add(new ApplicationUser { Id = UserId, UserName = "user", SecurityStamp = "stamp" });
        Context.SaveChanges();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public IDataProtectionProvider Protection { get; } = new EphemeralDataProtectionProvider();

    public IdpDbContext Context { get; }

    /// <summary>The outbox with the fraud guard's defaults in front of it, as the server has.</summary>
    public SmsOutbox Outbox
    {
        get
        {
            var audit = new Core.Audit.AuditLog(Context, Time, Microsoft.Extensions.Options.Options.Create(new Core.Audit.AuditOptions()));
            var services = new ServiceCollection().AddScoped(_ => NewContext()).AddMetrics().BuildServiceProvider();
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            var stamps = new ChangeStamps(scopes, Time, Microsoft.Extensions.Options.Options.Create(new CacheOptions()));
            var directory = new SmsFraudGuardDirectory(scopes, stamps);
            var gates = new LimitGates(Context, Time);
            var guard = new SmsFraudGuard(Context, gates, directory, audit,
                new Core.Telemetry.IdpMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), Time,
                NullLogger<SmsFraudGuard>.Instance);
            return new(Context, new SmsProtection(Protection), new NoJobs(), Time, audit, guard, gates, directory,
                NullLogger<SmsOutbox>.Instance);
        }
    }

    /// <summary>A second context on the same database, as a parallel request has.</summary>
    public IdpDbContext NewContext()
        => new(new DbContextOptionsBuilder<IdpDbContext>().UseSqlite($"Data Source={_path};Pooling=false").WithIdentitySchema().Options);

    /// <summary>The texts queued for <paramref name="destination"/>, oldest first, decrypted as the dispatch job would.</summary>
    public IReadOnlyList<string> TextsTo(string destination) =>
        Context.Set<OutboundSms>().AsNoTracking().Where(sms => sms.Destination == destination).OrderBy(sms => sms.CreatedAt).AsEnumerable()
            .Select(sms => new SmsProtection(Protection).Body.Unprotect(sms.ProtectedBody)).ToList();

    public void Dispose()
    {
        Context.Dispose();
        File.Delete(_path);
    }

    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => Guid.NewGuid().ToString();

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
