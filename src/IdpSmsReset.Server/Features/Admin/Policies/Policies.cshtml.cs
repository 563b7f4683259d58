using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Policies;

/// <summary>Every policy with how many users it governs; make one the default, or delete one nobody uses.</summary>
public sealed class PoliciesModel(IdpDbContext database, SecurityPolicyService policies, AdminChanges changes) : PageModel
{
    public IReadOnlyList<(SecurityPolicy Policy, int Users)> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var policy = await database.Set<SecurityPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        var problem = await policies.DeleteAsync(id, HttpContext.RequestAborted);
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, problem);
            await LoadAsync();
            return Page();
        }

        await changes.WriteAsync(AdminEventTypes.PolicyDeleted, null, PolicySnapshot.Of(policy!), null, HttpContext.RequestAborted);
        Notice = $"The policy '{policy!.Name}' was deleted.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMakeDefaultAsync(Guid id)
    {
        var policy = await database.Set<SecurityPolicy>().SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (policy is null)
        {
            return NotFound();
        }

        var before = PolicySnapshot.Of(policy);
        policy.IsDefault = true;
        var problems = await policies.SaveAsync(policy, HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", problems.Select(p => $"{p.Field}: {p.Problem}")));
            await LoadAsync();
            return Page();
        }

        await changes.WriteAsync(AdminEventTypes.PolicyChanged, null, before, PolicySnapshot.Of(policy), HttpContext.RequestAborted);
        Notice = $"'{policy.Name}' is now the default policy: users without a policy of their own follow it.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var all = await database.Set<SecurityPolicy>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(HttpContext.RequestAborted);
        var counts = await database.Users.GroupBy(user => user.SecurityPolicyId)
            .Select(group => new { group.Key, Count = group.Count() }).ToListAsync(HttpContext.RequestAborted);
        var withoutPolicy = counts.SingleOrDefault(c => c.Key == null)?.Count ?? 0;
        Rows = all.Select(policy => (policy, (counts.SingleOrDefault(c => c.Key == policy.Id)?.Count ?? 0) + (policy.IsDefault ? withoutPolicy : 0))).ToList();
    }
}
