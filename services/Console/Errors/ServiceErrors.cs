using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Visitation.Console.Errors;

/// <summary>
/// What a refused call tells the clerk, for every page: each <c>INVALID_ARGUMENT</c> field violation
/// beside its field (in <see cref="ModelStateDictionary"/>, so the typed values stay in the form) and
/// in the summary at the top with the field's Chinese label; any other refusal as one sentence that
/// says what to do. A page model holds one and the layout's summary shows it.
/// </summary>
public sealed class ServiceErrors
{
    private readonly List<SummaryLine> _lines = [];

    public IReadOnlyList<SummaryLine> Lines => _lines;

    public bool Any => _lines.Count > 0;

    /// <summary>
    /// Shows <paramref name="error"/>: field by field under <paramref name="prefix"/> (the bound form's name), or as a
    /// sentence. <paramref name="toFormPath"/> turns a request's path into the form's where they differ (left-out empty rows).
    /// </summary>
    public void Show(RpcException error, ModelStateDictionary form, string prefix, FieldLabels labels, Func<string, string>? toFormPath = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(labels);
        var violations = error.StatusCode == StatusCode.InvalidArgument ? error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations : null;
        if (violations is not { Count: > 0 })
        {
            _lines.Add(new SummaryLine(null, What(error)));
            return;
        }

        foreach (var violation in violations)
        {
            var path = toFormPath?.Invoke(violation.Field) ?? violation.Field;
            var key = FieldLabels.FormKey(prefix, path);
            form.AddModelError(key, violation.Description);
            _lines.Add(new SummaryLine(TagBuilder.CreateSanitizedId(key, "_"), $"{labels.LabelOf(path)}：{violation.Description}"));
        }
    }

    /// <summary>A field the console itself refuses before any call (the service would not): beside it and in the summary, as a service's.</summary>
    public void ShowField(ModelStateDictionary form, string prefix, string protoPath, FieldLabels labels, string message)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(labels);
        var key = FieldLabels.FormKey(prefix, protoPath);
        form.AddModelError(key, message);
        _lines.Add(new SummaryLine(TagBuilder.CreateSanitizedId(key, "_"), $"{labels.LabelOf(protoPath)}：{message}"));
    }

    /// <summary>Shows a refusal of a page with no form (a list, a receipt) as its sentence.</summary>
    public void Show(RpcException error) => _lines.Add(new SummaryLine(null, What(error)));

    /// <summary>The sentence for a refusal that names no field: what happened and what the clerk can do.</summary>
    public static string What(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode switch
        {
            StatusCode.InvalidArgument => "请求的内容有误。请核对填写的内容，或从菜单重新进入此页面。",
            StatusCode.PermissionDenied => "您没有办理此事项的权限，或该记录不属于您所在的单位。如确需办理，请联系本单位负责人或系统管理员。",
            StatusCode.NotFound => "没有找到该记录：编号可能有误，或记录不属于您所在的单位。请核对编号后再试。",
            StatusCode.Aborted => "该记录刚被他人修改。请刷新页面，核对最新内容后再提交一次。",
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => "系统暂时无法连接业务服务，您填写的内容仍在页面上。请稍等一两分钟后再提交；如一直如此，请联系运维人员。",
            StatusCode.ResourceExhausted => "查询次数已达上限。请过一段时间再查询；如确有需要，请联系县司法局。",
            StatusCode.Unauthenticated => "登录已过期。请重新登录后再办理。",
            StatusCode.FailedPrecondition => $"当前状态下不能办理：{error.Status.Detail}。",
            _ => "系统出错，未能办理。请稍后再试；如一直如此，请联系运维人员。",
        };
    }
}

/// <summary>One line of the error summary: the field it is about (its element id), or null for the whole page.</summary>
public sealed record SummaryLine(string? FieldId, string Message);
