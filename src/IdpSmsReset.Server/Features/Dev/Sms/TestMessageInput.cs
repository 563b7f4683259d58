using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Dev.Sms;

public sealed class TestMessageInput
{
    [Required(ErrorMessage = "Enter a phone number in international form, such as +14155550100.")]
    [Display(Name = "To")]
    public string? To { get; set; } = "+14155550100";

    [Required(ErrorMessage = "Enter the text to send.")]
    [StringLength(480, ErrorMessage = "Keep it under 480 characters.")]
    public string? Body { get; set; } = "Hello from the IdpSmsReset sandbox";
}
