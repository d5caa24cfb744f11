using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.ServiceDefaults.Grpc;
using Visitation.ServiceDefaults.Grpc.Hygiene;
using Xunit;

namespace Visitation.Workflow.Tests.Hygiene;

/// <summary>The rule set walking whole request messages, and the refusal it makes.</summary>
public sealed class RequestHygieneTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void ANulInANestedNameIsNamedByItsPathAndNotRepeated()
    {
        var request = Submission();
        request.Visitors[0].Name = "王\0芳";

        var violation = Assert.Single(RequestHygiene.Check(request, Today));

        Assert.Equal("visitors[0].name", violation.Field);
        Assert.Equal("CONTROL_CHARACTER", violation.Reason);
        Assert.DoesNotContain("王", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AListOverItsCapIsRefusedBeforeAnyOfItsItemsIsRead()
    {
        var request = Submission();
        request.Visitors.Clear();
        request.Visitors.AddRange(Enumerable.Range(0, 2_000).Select(_ => new VisitorInput { Name = "\0" }));

        var violation = Assert.Single(RequestHygiene.Check(request, Today));

        Assert.Equal("visitors", violation.Field);
        Assert.Equal("TOO_MANY", violation.Reason);
    }

    [Fact]
    public void ListCapsFollowTheirMeaning()
    {
        Assert.Equal(InputRules.MaxPreferredDates, InputRules.ListCapFor("preferred_dates"));
        Assert.Equal(Page.MaxSize, InputRules.ListCapFor("inmates"));
        var request = Submission();
        request.PreferredDates.AddRange(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]);
        Assert.Equal("preferred_dates", Assert.Single(RequestHygiene.Check(request, Today)).Field);
    }

    [Fact]
    public void AListOfEnumValuesIsCappedAtItsEnumsDefinedValues()
    {
        var request = Submission();
        request.Visitors[0].Documents.AddRange(Enumerable.Repeat(DocumentKind.ResidentId, 10));
        Assert.Equal("visitors[0].documents", Assert.Single(RequestHygiene.Check(request, Today)).Field);
    }

    [Fact]
    public void AnEnumNumberTheProtoDoesNotDefineIsRefused()
    {
        var request = Submission();
        request.Visitors[0].Relation = (Relation)999;
        request.PreferredPartOfDay = (PartOfDay)(-1);

        var violations = RequestHygiene.Check(request, Today);

        Assert.Equal(["visitors[0].relation", "preferred_part_of_day"], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Equal("UNKNOWN_VALUE", v.Reason));
    }

    [Fact]
    public void AMonthNineThousandNineHundredNinetyNineIsRefusedNotThrown()
    {
        var request = new RecordSpecialApprovalRequest { InmateNumber = "YJ1", Month = "9999-12", Signatories = "刘", Reason = "病危" };
        Assert.Equal("OUT_OF_RANGE", Assert.Single(RequestHygiene.Check(request, Today)).Reason);
    }

    [Fact]
    public void AtMostTwentyViolationsAreCollected()
    {
        var request = new ImportInmatesRequest();
        request.Inmates.AddRange(Enumerable.Range(0, 100).Select(i => new InmateRecord { InmateNumber = "\0", Name = "\0" }));
        Assert.Equal(InputRules.MaxViolations, RequestHygiene.Check(request, Today).Count);
    }

    [Fact]
    public void AcceptedTextsAreNormalisedInPlaceInSingleAndRepeatedFields()
    {
        var request = Submission();
        request.Visitors[0].Name = "Jose\u0301";
        request.Inmate.Name = "Rene\u0301";

        Assert.Empty(RequestHygiene.Check(request, Today));

        Assert.Equal("José", request.Visitors[0].Name);
        Assert.Equal("René", request.Inmate.Name);
    }

    [Fact]
    public void AValidSubmissionPassesUnchanged()
    {
        var request = Submission();
        var before = request.Clone();
        Assert.Empty(RequestHygiene.Check(request, Today));
        Assert.Equal(before, request);
    }

    [Fact]
    public void ARefusalOfThousandsOfViolationsStaysSmallEnoughForHttp2Trailers()
    {
        var violations = Enumerable.Range(0, 5_000).Select(i => new BadRequest.Types.FieldViolation
        {
            Field = $"visitors[{i}].name" + new string('x', 500),
            Description = new string('长', 5_000),
        });

        var refused = GrpcErrors.InvalidArgument(violations);

        var details = refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>();
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.InRange(details.FieldViolations.Count, 1, InputRules.MaxViolations);
        // The whole status (message and details) travels base64 in the trailers; 16 KB is the smallest header-list limit of common clients.
        Assert.True(refused.GetRpcStatus()!.CalculateSize() < 8 * 1024, $"status of {refused.GetRpcStatus()!.CalculateSize()} bytes");
        Assert.True(refused.Status.Detail.Length < 1024, refused.Status.Detail);
    }

    [Fact]
    public void ARefusalNamesAtMostTwentyOrdinaryViolations()
    {
        var violations = Enumerable.Range(0, 100).Select(i => new BadRequest.Types.FieldViolation { Field = $"inmates[{i}].name", Description = "必填" });
        Assert.Equal(InputRules.MaxViolations, GrpcErrors.InvalidArgument(violations).GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Count);
    }

    [Fact]
    public void NotFoundDoesNotRepeatAnIdLongerThanAnIdOrWithControlCharacters()
    {
        Assert.Contains("YJ123", GrpcErrors.NotFound("服刑人员", "YJ123").Status.Detail, StringComparison.Ordinal);
        Assert.Equal("服刑人员不存在", GrpcErrors.NotFound("服刑人员", new string('9', 100_000)).Status.Detail);
        Assert.Equal("服刑人员不存在", GrpcErrors.NotFound("服刑人员", "YJ\u001b[2J").Status.Detail);
    }

    private static SubmitApplicationRequest Submission() => new()
    {
        RequestId = "req-1",
        Inmate = new InmateAsKnown { Name = "李明", PrisonId = "shanxi-yongji", PrisonArea = "3" },
        Visitors =
        {
            new VisitorInput
            {
                Name = "王芳", IdNumber = "110101199001011234", Phone = "13800138000", Relation = Relation.Mother,
                Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister }, IsContact = true,
            },
        },
        VisitMonth = "2026-12",
        VenueId = "venue-1",
        PreferredDates = { "2026-12-05" },
    };
}
