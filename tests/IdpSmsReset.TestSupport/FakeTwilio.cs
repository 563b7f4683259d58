using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace IdpSmsReset.TestSupport;

/// <summary>
/// Twilio's REST API played by WireMock.Net on a loopback port. Each test sends to its own destination number and
/// reads back what "Twilio" received for that number, as a user reads their phone.
/// </summary>
public sealed class FakeTwilio : IDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-auth-token-0123456789";
    public const string From = "+15017122661";
    public const string MessagingServiceSid = "MG0123456789abcdef0123456789abcdef";

    private readonly WireMockServer _server = WireMockServer.Start();
    private int _sids;

    /// <summary>A second account on the same fake Twilio, for the SMS factor's secondary account.</summary>
    public const string SecondaryAccountSid = "ACfedcba9876543210fedcba9876543210";
    public const string SecondaryAuthToken = "fake-secondary-token-0123456789";
    public const string SecondaryFrom = "+15017122662";

    public FakeTwilio()
    {
        RegisterAccount(AccountSid, From);
        RegisterAccount(SecondaryAccountSid, SecondaryFrom);
        _server.Given(Request.Create().WithPath($"/v1/Services/{MessagingServiceSid}").UsingGet())
            .RespondWith(Json(HttpStatusCode.OK, new { sid = MessagingServiceSid, account_sid = AccountSid,
                friendly_name = "Fake service" }));
    }

    private void RegisterAccount(string accountSid, string from)
    {
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{accountSid}.json").UsingGet())
            .RespondWith(Json(HttpStatusCode.OK, new { sid = accountSid, status = "active", friendly_name = "Fake" }));
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json").WithParam("PhoneNumber",
            from).UsingGet())
            .RespondWith(Json(HttpStatusCode.OK, Page("incoming_phone_numbers", new { sid = "PN0123456789abcdef0123456789abcdef",
                phone_number = from })));
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json").UsingGet())
            .AtPriority(10)
            .RespondWith(Json(HttpStatusCode.OK, Page("incoming_phone_numbers")));
        // Any message not given another answer is accepted.
        _server.Given(Request.Create().WithPath(MessagesPathOf(accountSid)).UsingPost()).AtPriority(100)
            .RespondWith(Response.Create().WithCallback(Accept));
        // The messages accepted so far, newest first, as Twilio lists them (filtered by To).
        _server.Given(Request.Create().WithPath(MessagesPathOf(accountSid)).UsingGet())
            .RespondWith(Response.Create().WithCallback(ListAccepted));
    }

    public string Url => _server.Url!;

    /// <summary>How many times the default account was fetched (each SMS factor validation fetches it once).</summary>
    public int AccountChecks => _server.LogEntries.Count(entry => entry.RequestMessage.Path == $"/2010-04-01/Accounts/{AccountSid}.json");

    public static string MessagesPathOf(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Messages.json";

    /// <summary>The answers for messages to <paramref name="destination"/>, in order; the last one repeats.</summary>
    public void AnswerMessagesTo(string destination, params Func<IResponseBuilder, IResponseBuilder>[] answers) =>
        AnswerMessagesTo(AccountSid, destination, answers);

    /// <summary>
    /// The answers of <paramref name="accountSid"/> for messages to <paramref name="destination"/>, in order; the last
    /// one repeats.
    /// </summary>
    public void AnswerMessagesTo(string accountSid, string destination, params Func<IResponseBuilder, IResponseBuilder>[] answers)
    {
        var scenario = accountSid + " to " + destination;
        for (var index = 0; index < answers.Length; index++)
        {
            var request = _server.Given(Request.Create().WithPath(MessagesPathOf(accountSid)).UsingPost()
                    .WithBody(new RegexMatcher(Regex(destination))))
                .AtPriority(1);
            if (answers.Length == 1)
            {
                request.RespondWith(answers[0](Response.Create()));
                return;
            }

            request = request.InScenario(scenario);
            request = index == 0 ? request : request.WhenStateIs("answer " + index);
            if (index < answers.Length - 1)
            {
                request = request.WillSetStateTo("answer " + (index + 1));
            }

            request.RespondWith(answers[index](Response.Create()));
        }
    }

    public static IResponseBuilder Created(IResponseBuilder response) => response.WithCallback(AcceptStatic);

    /// <summary>Every message is accepted only after <paramref name="delay"/>, as a slow Twilio answers.</summary>
    public void AnswerEveryMessageAfter(TimeSpan delay) =>
        _server.Given(Request.Create().WithPath(MessagesPathOf(AccountSid)).UsingPost()).AtPriority(50)
            .RespondWith(Response.Create().WithCallback(Accept).WithDelay(delay));

    public static IResponseBuilder Error(IResponseBuilder response, int status, int code, string message) =>
        response.WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody(JsonSerializer.Serialize(new { code, message, status, more_info = $"https://www.twilio.com/docs/errors/{code}" }));

    /// <summary>Makes the account answer as Twilio does for <paramref name="accountSid"/> with a wrong token, or suspended.</summary>
    public void AnswerAccount(string accountSid, int status, object body) =>
        _server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{accountSid}.json").UsingGet())
            .RespondWith(Json((HttpStatusCode)status, body));

    /// <summary>The form bodies "Twilio" received for <paramref name="destination"/>, with the Basic credentials used.</summary>
    public IReadOnlyList<ReceivedMessage> MessagesTo(string destination) =>
        AllMessages().Where(message => message.Form.GetValueOrDefault("To") == destination).ToList();

    /// <summary>Every message "Twilio" received, in order, with when it arrived.</summary>
    public IReadOnlyList<ReceivedMessage> AllMessages() =>
        _server.LogEntries
            .Where(entry => entry.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal)
                && entry.RequestMessage.Method == "POST")
            .Select(entry => new ReceivedMessage(
                QueryHelpers.ParseQuery(entry.RequestMessage.Body).ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
                Credentials(entry.RequestMessage.Headers),
                entry.RequestMessage.DateTime))
            .ToList();

    /// <summary>The account SIDs that accepted (answered 201) a message to <paramref name="destination"/>, in order.</summary>
    public IReadOnlyList<string> AcceptedBy(string destination) =>
        _server.LogEntries
            .Where(entry => entry.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal)
                && entry.RequestMessage.Method == "POST" && entry.ResponseMessage.StatusCode is 201 or "201"
                && QueryHelpers.ParseQuery(entry.RequestMessage.Body)["To"].ToString() == destination)
            .Select(entry => entry.RequestMessage.Path.Split('/')[3])
            .ToList();

    /// <summary>Waits, as a person waits for their phone to buzz, until a message to <paramref name="destination"/> arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesToAsync(string destination, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        while (MessagesTo(destination).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return MessagesTo(destination);
    }

    public void Dispose() => _server.Stop();

    private static string Regex(string destination)
        => "To=" + System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(destination));

    private static (string User, string Password)? Credentials(IDictionary<string, WireMockList<string>>? headers)
    {
        var value = headers?.FirstOrDefault(header => header.Key.Equals("Authorization",
            StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null || !value.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..])).Split(':', 2);
        return (pair[0], pair[1]);
    }

    private ResponseMessage Accept(IRequestMessage request) => Created(request, Interlocked.Increment(ref _sids));

    private static int _staticSids;

    private static ResponseMessage AcceptStatic(IRequestMessage request) => Created(request,
        100_000 + Interlocked.Increment(ref _staticSids));

    private static ResponseMessage Created(IRequestMessage request, int number)
    {
        var form = QueryHelpers.ParseQuery(request.Body);
        var body = JsonSerializer.Serialize(new
        {
            sid = "SM" + number.ToString("x32"),
            account_sid = AccountSid,
            to = form["To"].ToString(),
            status = "queued",
            direction = "outbound-api",
        });
        return new ResponseMessage
        {
            StatusCode = 201,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }

    private ResponseMessage ListAccepted(IRequestMessage request)
    {
        var to = request.Query is { } query && query.TryGetValue("To", out var values) ? values.FirstOrDefault() : null;
        var records = _server.LogEntries
            .Where(entry => entry.RequestMessage.Path == request.Path && entry.RequestMessage.Method == "POST"
                && entry.ResponseMessage.StatusCode is 201 or "201")
            .Select(entry => (Form: QueryHelpers.ParseQuery(entry.RequestMessage.Body), entry.RequestMessage.DateTime,
                Sid: JsonDocument.Parse(entry.ResponseMessage.BodyData!.BodyAsString!).RootElement.GetProperty("sid").GetString()))
            .Where(sent => to is null || sent.Form["To"].ToString() == to)
            .OrderByDescending(sent => sent.DateTime)
            .Select(sent => (object)new
            {
                sid = sent.Sid, account_sid = AccountSid, to = sent.Form["To"].ToString(), body = sent.Form["Body"].ToString(),
                status = "sent", direction = "outbound-api",
                date_created = sent.DateTime.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000",
                    System.Globalization.CultureInfo.InvariantCulture),
            })
            .ToArray();
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData
            {
                BodyAsString = JsonSerializer.Serialize(Page("messages", records)), DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
    }

    private static IResponseBuilder Json(HttpStatusCode status, object body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body));

    private static Dictionary<string, object?> Page(string key, params object[] records) => new()
    {
        [key] = records,
        ["page"] = 0,
        ["page_size"] = 50,
        ["first_page_uri"] = "/2010-04-01/Accounts/" + AccountSid + "/IncomingPhoneNumbers.json?PageSize=50&Page=0",
        ["next_page_uri"] = null,
        ["previous_page_uri"] = null,
        ["uri"] = "/2010-04-01/Accounts/" + AccountSid + "/IncomingPhoneNumbers.json?PageSize=50&Page=0",
        ["start"] = 0,
        ["end"] = records.Length,
    };
}

public sealed record ReceivedMessage(IReadOnlyDictionary<string, string> Form, (string User, string Password)? Credentials,
    DateTime ReceivedAtUtc);
