using System.Text;

namespace IdpSmsReset.Server.Features.Dev.Sms;

/// <summary>The few Twilio REST resources the server calls, answered in Twilio's shapes by the Development sandbox.</summary>
internal static class TwilioSandboxEndpoints
{
    public static IEndpointRouteBuilder MapTwilioSandbox(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(SmsSandbox.ApiPath + "/2010-04-01/Accounts/{accountSid}").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return http.Request.RouteValues["accountSid"] is SmsSandbox.AccountSid && HasSandboxCredentials(http.Request)
                ? await next(context)
                : Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: StatusCodes.Status401Unauthorized);
        });

        api.MapGet(".json", () => Results.Json(new { sid = SmsSandbox.AccountSid, status = "active",
            friendly_name = "Development sandbox" }));
        api.MapGet("/IncomingPhoneNumbers.json", () => Results.Json(new
        {
            incoming_phone_numbers = new[] { new { sid = "PN" + new string('0', 32), phone_number = SmsSandbox.From } },
            page = 0, page_size = 50, next_page_uri = (string?)null,
        }));
        api.MapPost("/Messages.json", async (HttpContext context, SmsSandbox sandbox, TimeProvider time) =>
        {
            var form = await context.Request.ReadFormAsync();
            var message = sandbox.Record(form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(), time);
            return Results.Json(new { sid = message.Sid, account_sid = SmsSandbox.AccountSid, to = message.To, status = "queued" },
                statusCode: StatusCodes.Status201Created);
        }).DisableAntiforgery();
        return endpoints;
    }

    private static bool HasSandboxCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SmsSandbox.AccountSid}:{SmsSandbox.AuthToken}"));
        return header["Basic ".Length..] == expected;
    }
}
