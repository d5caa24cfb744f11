using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Errors;
using Visitation.Console.SignIn;
using Visitation.Console.Vocabulary;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Site;

/// <summary>
/// 切换机构: a person allowed several sites (a clerk covering two offices) picks the one they act for.
/// The pick goes to the identity service as a refresh naming it; the identity service issues a token for
/// it only if the account holds that site, and every service then reads the organisation from that token.
/// The list here is the identity token's; it is a convenience, not a permission.
/// </summary>
public sealed class IndexModel(UserTokens tokens, ReferenceDataSet reference) : ConsolePage
{
    [BindProperty]
    public SiteForm Form { get; set; } = new();

    public IReadOnlyList<(string Id, string Name)> Sites { get; private set; } = [];

    public string Current => Organisation;

    public void OnGet() => Prepare();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Form.Organisation) && await tokens.ActForAsync(Form.Organisation, HttpContext.RequestAborted))
        {
            return Redirect("/");
        }

        Prepare();
        Errors.ShowField(ModelState, nameof(Form), "organisation", FieldLabels.SiteSwitch, "您的账号不能代表该机构办理。请从列出的机构中选择；如确需代表其他机构，请系统管理员为您的账号添加。");
        return Page();
    }

    private void Prepare() =>
        Sites = [.. User.FindAll(UserTokens.SiteClaim).Select(site => (site.Value, reference.NameOf(site.Value)))];
}

public sealed class SiteForm
{
    /// <summary>The organisation picked (one of the person's sites).</summary>
    public string? Organisation { get; set; }
}
