using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>Where the person lands after deciding: the device learns the outcome at its next poll.</summary>
public sealed class VerifyDoneModel : PageModel
{
    public const string Approved = "approved";
    public const string Denied = "denied";

    public static string PathOf(string outcome) => "/connect/verify/" + outcome;

    public bool WasApproved { get; private set; }

    public void OnGet(string outcome) => WasApproved = outcome == Approved;
}
