using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

public sealed class SecondFactorInput
{
    [Display(Name = "Code")]
    [StringLength(32, ErrorMessage = "A code is at most 32 characters long.")]
    public string? Code { get; set; }
}
