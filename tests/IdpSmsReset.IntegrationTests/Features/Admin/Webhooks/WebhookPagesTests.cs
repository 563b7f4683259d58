using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Events;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Webhooks;

/// <summary>The dashboard's webhooks: what an administrator sets up, sends and sees of each delivery.</summary>
public sealed class WebhookPagesTests : IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    [SkippableFact]
    public async Task NewWebhook_SecretShownOnce_TestEventArrivesSignedWithIt_DeliveryListed()
    {
        using var factory = new SqliteIdpFactory();
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var created = await admin.SubmitAsync(await admin.OpenAsync("/admin/webhooks/edit"), new Dictionary<string, string>
        {
            ["Input.Name"] = "siem", ["Input.Url"] = _receiver.Url + "/hook", ["Input.Events"] = "sign-in.* user.*",
        });
        var secret = created.Document.QuerySelector("#new-secret code")!.TextContent;
        var id = created.Document.QuerySelector("input[name='id']")!.GetAttribute("value")!;
        await admin.SubmitAsync(created, formSelector: "form[action*='handler=SendTest']");
        var post = (await _receiver.WaitForAsync(posts => posts.Count >= 1)).Single();
        await factory.WaitForEndedDeliveriesAsync(Guid.Parse(id));
        var edit = await admin.OpenAsync($"/admin/webhooks/edit?id={id}");

        Assert.Contains("The webhook 'siem' was saved.", created.Text);
        Assert.StartsWith("whsec_", secret);
        Assert.True(post.VerifiesWith(secret, factory.Clock.GetUtcNow()));
        Assert.Equal("webhook.test", post.Type);
        Assert.DoesNotContain(secret, edit.Html);
        Assert.Null(edit.Document.GetElementById("new-secret"));
        Assert.Equal("Delivered", edit.Document.QuerySelector("#deliveries tbody tr .status")!.TextContent);
        Assert.Contains(post.Header("webhook-id"), edit.Document.GetElementById("deliveries")!.TextContent);
        Assert.Single(await factory.AuditEventsOfTypeAsync(AdminEventTypes.WebhookCreated));
        Assert.Single(await factory.AuditEventsOfTypeAsync(AdminEventTypes.WebhookTested));
    }

    [SkippableFact]
    public async Task BadInput_EachFieldSaysWhatToChange_WhatWasTypedKept_NothingSaved()
    {
        using var factory = new SqliteIdpFactory();
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var refused = await admin.SubmitAsync(await admin.OpenAsync("/admin/webhooks/edit"), new Dictionary<string, string>
        {
            ["Input.Name"] = "hr", ["Input.Url"] = "http://hr.example/hooks", ["Input.Events"] = "user.* sign-in.faild",
            ["Input.Secret"] = "not a secret",
        });

        Assert.Equal("/admin/webhooks/edit", refused.Path);
        Assert.Contains("https", refused.FieldError("url-error"));
        Assert.Contains("'sign-in.faild' names no event", refused.FieldError("events-error"));
        Assert.Contains("whsec_", refused.FieldError("secret-error"));
        Assert.Equal("hr", refused.InputValue("Input.Name"));
        Assert.Equal("user.* sign-in.faild", refused.InputValue("Input.Events"));
        Assert.DoesNotContain("not a secret", refused.Html);
        Assert.NotNull((await admin.OpenAsync("/admin/webhooks")).Document.GetElementById("no-webhooks"));
    }

    [SkippableFact]
    public async Task NewWebhook_NameTaken_Refused_TheOtherOneUntouched()
    {
        using var factory = new SqliteIdpFactory();
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "siem", ["Input.Url"] = _receiver.Url + "/hook", ["Input.Events"] = "user.*",
        };
        await admin.SubmitAsync(await admin.OpenAsync("/admin/webhooks/edit"), fields);

        fields["Input.Url"] = _receiver.Url + "/elsewhere";
        var refused = await admin.SubmitAsync(await admin.OpenAsync("/admin/webhooks/edit"), fields);
        var list = await admin.OpenAsync("/admin/webhooks");

        Assert.Contains("There is already a webhook named 'siem'.", refused.FieldError("name-error"));
        Assert.Contains(_receiver.Url + "/hook", list.Document.QuerySelector("tr[data-webhook='siem']")!.TextContent);
        Assert.Single(await factory.AuditEventsOfTypeAsync(AdminEventTypes.WebhookCreated));
    }

    [SkippableFact]
    public async Task ReceiverFailingForADay_SubscriptionTurnedOff_TheOverviewSaysSo()
    {
        using var factory = new SqliteIdpFactory();
        factory.Settings["Idp:Webhooks:RetryDelays:0"] = "00:00:00.100";
        _receiver.Answer(503, "/down");
        var subscription = await factory.SubscribeAsync(_receiver.Url + "/down", ["sign-in.failed"]);
        await factory.FailSignInAsync("alice");
        // The first delivery must have ended (its retry included) before the clock moves: a retry running after the
        // move would turn the subscription off before the second sign-in, on a machine slow enough (seen under a full run).
        Assert.All(await factory.WaitForEndedDeliveriesAsync(subscription, seconds: 90),
            delivery => Assert.NotEqual(WebhookDeliveryStatus.Pending, delivery.Status));
        var failingSince = (await factory.SubscriptionAsync(subscription)).FailingSince;

        factory.Clock.Advance(TimeSpan.FromHours(25));
        await factory.FailSignInAsync("bob");
        var ended = await factory.WaitForEndedDeliveriesAsync(subscription, count: 2);
        var turnedOff = await factory.SubscriptionAsync(subscription);
        await factory.FailSignInAsync("carol");
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var overview = await admin.OpenAsync("/admin");

        Assert.NotNull(failingSince);
        Assert.All(ended, delivery => Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status));
        Assert.False(turnedOff.Enabled);
        Assert.Contains("failed every attempt", turnedOff.DisabledReason);
        Assert.Equal(2, (await factory.DeliveriesOfAsync(subscription)).Count);
        Assert.NotNull(overview.Document.QuerySelector($"[data-turned-off-webhook='{turnedOff.Name}']"));
        Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.WebhookDisabled));
    }

    public void Dispose() => _receiver.Dispose();
}
