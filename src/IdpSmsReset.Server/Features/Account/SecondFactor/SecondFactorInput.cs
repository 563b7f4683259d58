using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

public sealed class SecondFactorInput
{
    [Display(Name = "Code")]
    [StringLength(32, ErrorMessage = "A code is at most 32 characters long.")]
    public string? Code { get; set; }
}

/// <summary>The ways to show the second factor, as named in the page's <c>method</c> parameter.</summary>
public static class SecondFactorMethod
{
    public const string App = "app";
    public const string Sms = "sms";
    public const string Recovery = "recovery";
}
