using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [Display(Name = "New password again")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
