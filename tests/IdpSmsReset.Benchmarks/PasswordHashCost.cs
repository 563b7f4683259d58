using System.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Benchmarks;

/// <summary>The CPU time of one password check with the server's hasher (Identity's defaults), the yardstick of a sign-in.</summary>
public static class PasswordHashCost
{
    public static TimeSpan Measure(int checks = 30)
    {
        var hasher = new PasswordHasher<object>();
        var user = new object();
        var hash = hasher.HashPassword(user, BenchmarkBootstrap.Password);
        hasher.VerifyHashedPassword(user, hash, BenchmarkBootstrap.Password);

        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var check = 0; check < checks; check++)
        {
            hasher.VerifyHashedPassword(user, hash, BenchmarkBootstrap.Password);
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - before) / checks;
    }
}
