using System.Diagnostics;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>One trace follows a forgot-password request through its background jobs to Twilio's POST.</summary>
public abstract class TracingTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task CodeRequested_OneTraceLinksThePageTheJobsAndTheTwilioCall()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();

        await browser.StartResetAsync("wade");
        await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("wade"), seenBefore: 0);
        // The job may reach Twilio before the page's own span ends (and is exported): wait for the whole trace. The
        // listener hears every test server in the process, so other requests' spans may be there too.
        var spans = await WaitForSpansAsync(spans => spans.Where(IsCodeRequest).Any(request => LinksAll(spans, request)));

        Assert.Contains(spans.Where(IsCodeRequest), request => LinksAll(spans, request));
    }

    // One trace from the page's POST through the code job and the SMS job to Twilio's POST.
    private static bool LinksAll(List<Activity> spans, Activity request)
    {
        var trace = spans.Where(span => span.TraceId == request.TraceId).ToList();
        return trace.Any(span => span.DisplayName == "job PasswordResetCodeJob")
            && trace.Any(span => span.DisplayName == "job SmsDispatchJob") && trace.Any(IsTwilioCall);
    }

    private static bool IsCodeRequest(Activity span) =>
        span.GetTagItem("url.path") as string == "/account/forgot-password/method"
        && span.GetTagItem("http.request.method") as string == "POST";

    private static bool IsTwilioCall(Activity span) =>
        span.Kind == ActivityKind.Client
        && (span.GetTagItem("url.full") as string ?? "").Contains("/Messages.json", StringComparison.Ordinal);

    private async Task<List<Activity>> WaitForSpansAsync(Func<List<Activity>, bool> complete)
    {
        for (var wait = 0; ; wait++)
        {
            List<Activity> spans;
            try
            {
                spans = [.. Factory.Spans];
            }
            catch (InvalidOperationException)
            {
                // The exporter added a span while this copied the list; look again.
                spans = [];
            }

            if (complete(spans) || wait > 300)
            {
                return spans;
            }

            await Task.Delay(100);
        }
    }
}

public sealed class TracingTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : TracingTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;
