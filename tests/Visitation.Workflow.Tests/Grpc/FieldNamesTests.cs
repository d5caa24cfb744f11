using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Visitation.ServiceDefaults.Grpc;
using Xunit;

namespace Visitation.Workflow.Tests.Grpc;

/// <summary>
/// Every field a caller sends has a Chinese name, so a refusal's message never shows a proto name
/// to the person at the counter (issue 14: "输入有误：visitors, visitors, visitors").
/// </summary>
public sealed class FieldNamesTests
{
    private static readonly FileDescriptor[] Protos =
    [
        Visitation.Contracts.Grpc.Application.ApplicationReflection.Descriptor,
        Visitation.Contracts.Grpc.BureauReview.BureauReviewReflection.Descriptor,
        Visitation.Contracts.Grpc.PrisonApproval.PrisonApprovalReflection.Descriptor,
        Visitation.Contracts.Grpc.Scheduling.SchedulingReflection.Descriptor,
        Visitation.Contracts.Grpc.Notification.NotificationReflection.Descriptor,
        Visitation.Contracts.Grpc.AuditStore.AuditStoreReflection.Descriptor,
        Visitation.Contracts.Grpc.IdentityAdmin.IdentityAdminReflection.Descriptor,
    ];

    [Fact]
    public void EveryFieldOfEveryRequestHasAChineseName()
    {
        var unnamed = Protos
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .SelectMany(method => Paths(method.InputType, prefix: "", depth: 0).Select(path => $"{method.FullName}: {path}"))
            .Where(entry => FieldNames.Of(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]) == FieldNames.Unnamed)
            .Distinct()
            .ToList();

        Assert.True(unnamed.Count == 0, "Fields without a Chinese name in FieldNames:\n" + string.Join("\n", unnamed));
    }

    [Theory]
    [InlineData("visitors[1].id_number", "第2位会见人的身份证号")]
    [InlineData("inmate.name", "服刑人员的姓名")]
    [InlineData("preferred_dates[0]", "第1个意向日期")]
    [InlineData("visit_month", "会见月份")]
    [InlineData("inmate.crime_categories[1]", "服刑人员的罪名类别的第2项")]
    [InlineData("visitors[0].favourite_colour", FieldNames.Unnamed)]
    public void APathIsNamedSegmentBySegment(string path, string name)
    {
        Assert.Equal(name, FieldNames.Of(path));
    }

    [Fact]
    public void ARefusalsMessageNamesEachFieldOnceInChinese()
    {
        var refused = GrpcErrors.InvalidArgument(
        [
            new BadRequest.Types.FieldViolation { Field = "visitors[0].id_number", Description = "校验码错误" },
            new BadRequest.Types.FieldViolation { Field = "visitors[0].id_number", Description = "出生日期晚于今天" },
            new BadRequest.Types.FieldViolation { Field = "visit_month", Description = "必填" },
        ]);

        Assert.Equal("输入有误：第1位会见人的身份证号、会见月份", refused.Status.Detail);
        Assert.Equal(["visitors[0].id_number", "visitors[0].id_number", "visit_month"], refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    /// <summary>Every field path of <paramref name="message"/>, lists with a position, nested messages followed (well-known types are leaves).</summary>
    private static IEnumerable<string> Paths(MessageDescriptor message, string prefix, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder().Where(field => !field.IsMap))
        {
            var path = prefix + field.Name + (field.IsRepeated ? "[0]" : "");
            yield return path;
            if (field.FieldType == FieldType.Message && !field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal) && depth < 4)
            {
                foreach (var inner in Paths(field.MessageType, path + ".", depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }
}
