using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Visitation.Console.Pages;

/// <summary>What the person sees for a page they may not open, one that does not exist, or a fault.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "系统出错";

    public string Advice { get; private set; } = "页面未能显示。请稍后再试；如一直如此，请联系运维人员。";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Advice) = code switch
        {
            403 => ("没有权限", "您的角色或单位不能打开此页面。如确需办理，请联系本单位负责人或系统管理员。"),
            404 => ("页面不存在", "地址可能有误。请从菜单进入。"),
            _ => (Heading, Advice),
        };
        if (code is 403 or 404)
        {
            Response.StatusCode = code.Value;
        }
    }
}
