using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdpSmsReset.UnitTests.SignIn;

/// <summary>
/// Core's sign-in services as the host wires them, over a SQLite file and a clock the test moves: no HTTP, no pages.
/// The default policy locks after <see cref="MaxFailures"/> failures, for 5 minutes.
/// </summary>
public sealed class SignInTestServices : IAsyncDisposable
{
    public const int MaxFailures = 3;
    public const string Password = "Correct horse 7 battery staple!";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"idp-signin-{Guid.NewGuid():n}.db");
    private readonly ServiceProvider _root;

    public SignInTestServices(Action<IdentityOptions>? identity = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new DbContextOptionsBuilder<IdpDbContext>().UseSqlite($"Data Source={_path};Pooling=false")
            .WithIdentitySchema().Options);
        services.AddScoped<IdpDbContext>();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                identity?.Invoke(options);
            })
            .AddEntityFrameworkStores<IdpDbContext>()
            .AddUserStore<IdpUserStore>()
            .AddUserManager<IdpUserManager>();
        services.AddOptions<CacheOptions>();
        services.AddSingleton<ChangeStamps>();
        services.AddSingleton<Core.Users.ForeignPasswords.PasswordHashUpgrades>();
        // As the server registers it: one hasher for every check, whose costs hold wrong passwords back alike.
        services.AddSingleton<IPasswordHasher<ApplicationUser>, Core.Users.ForeignPasswords.ForeignAwarePasswordHasher>();
        services.AddSingleton<Core.Messaging.FraudGuard.SmsFraudGuardDirectory>();
        services.AddSingleton<IdpMetrics>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<MfaProtection>();
        services.AddSingleton<SmsProtection>();
        services.AddSingleton<IBackgroundJobClient, NoJobs>();
        services.AddSingleton<ISmsTexts, PlainTexts>();
        services.AddSingleton(RolesRequiringSecondFactor.None);
        foreach (var type in new[]
        {
            typeof(SecurityPolicyService), typeof(UnknownAccountGuard), typeof(SignInFailures), typeof(SignInEligibility),
            typeof(SignInJourney), typeof(SecondFactorMethods), typeof(UserPhoneResolver), typeof(LimitGates), typeof(SmsOutbox),
            typeof(Core.Messaging.FraudGuard.SmsFraudGuard),
            typeof(SmsChallengeService), typeof(SignInCodes), typeof(AuthenticatorService), typeof(RecoveryCodeService),
            typeof(PasswordSignIn), typeof(SecondFactorCheck), typeof(Core.Audit.AuditLog), typeof(Core.Audit.AccountChanges),
        })
        {
            services.AddScoped(type);
        }

        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = _root.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        database.Database.EnsureCreated();
        database.Add(new SecurityPolicy
        {
            Name = SecurityPolicyService.DefaultPolicyName,
            IsDefault = true,
            Lockout = new LockoutRules { MaxFailedAttempts = MaxFailures, LockoutMinutes = 5 },
        });
        database.SaveChanges();
    }

    // Starts at the real time: Identity reads the system clock for whether a lockout is still on.
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A request's services: each call of a test is its own request, as in the host.</summary>
    public AsyncServiceScope Request() => _root.CreateAsyncScope();

    public async Task<T> InRequestAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Request();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A user named <paramref name="name"/> with <see cref="Password"/>.</summary>
    public Task<ApplicationUser> AddUserAsync(string name, string? email = null, bool emailConfirmed = false) =>
        InRequestAsync(async services =>
        {
            var user = new ApplicationUser { UserName = name, Email = email, EmailConfirmed = emailConfirmed };
            var created = await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(error => error.Description)));
            return user;
        });

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync();
        File.Delete(_path);
    }

    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => Guid.NewGuid().ToString();

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    private sealed class PlainTexts : ISmsTexts
    {
        public string SignInCode(string code, TimeSpan lifetime) => $"Sign-in code {code}";

        public string PhoneVerificationCode(string code, TimeSpan lifetime) => $"Phone code {code}";

        public string PhoneChangedNotice() => "Phone changed";

        public string PasswordResetCode(string code, TimeSpan lifetime, string? resumeLink) => $"Reset code {code}";

        public string PasswordChangedNotice() => "Password changed";

        public string PasskeyAddedNotice() => "Passkey added";
    }
}
