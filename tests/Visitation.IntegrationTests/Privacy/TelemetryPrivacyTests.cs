using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Infrastructure.Telemetry;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Telemetry;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// Logs, traces and metrics carry no ID number, phone or name (issue 12, docs/telemetry-privacy.md):
/// several families go through the chain — scheduled then cancelled, refused by the bureau, refused by
/// the prison for a barred visitor, asked about at the counter, refused at submission — while every
/// service records every log record at Debug, every span and every measurement's tags.
/// </summary>
public sealed class TelemetryPrivacyTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AWholeChainRunLeavesNoIdNumberPhoneOrNameInTheServicesLogsSpansOrMetrics()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        using var recording = TelemetryCapture.Start();
        var families = new List<(Family Family, SubmitApplicationRequest Request)>();

        // Scheduled, then cancelled by the prison: the family hears of both.
        var scheduled = Named(new Family(system.Clock), out var scheduledRequest);
        families.Add((scheduled, scheduledRequest));
        await _chain.ImportInmateAsync(scheduled.InmateNumber, scheduledRequest.Inmate.Name, "3");
        var question = CounterQuestions.For(scheduledRequest, scheduled.InmateNumber);
        await system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office)).CheckEligibilityAsync(question);
        var scheduledId = await _chain.DriveToPrisonTaskAsync(scheduledRequest);
        Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = scheduledId })).Approved);
        var proposal = await _chain.WaitForProposalAsync(scheduledId);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.VisitCentre.CancelVisitAsync(new CancelVisitRequest { VisitId = proposal.VisitId, Cause = CancellationCause.Maintenance });

        // Refused by the bureau, with the reviewer's own words.
        var refused = Named(new Family(system.Clock), out var refusedRequest);
        families.Add((refused, refusedRequest));
        var refusedId = await _chain.SubmitAsync(refusedRequest);
        await _chain.WaitForBureauTaskAsync(refusedId);
        await _chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = refusedId, ReasonCode = "RELATIONSHIP_UNPROVEN", Reason = "亲属关系证明与户口簿不一致" });

        // Refused by the prison: the visitor is barred by ID number while the application waits.
        var barred = Named(new Family(system.Clock), out var barredRequest);
        families.Add((barred, barredRequest));
        await _chain.ImportInmateAsync(barred.InmateNumber, barredRequest.Inmate.Name, "3");
        var barredId = await _chain.DriveToPrisonTaskAsync(barredRequest);
        await _chain.Officer.BarVisitorAsync(new BarVisitorRequest
        {
            IdNumber = barredRequest.Visitors[0].IdNumber,
            From = system.Clock.ChinaToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Reason = "上次会见中私自录音",
        });

        // Refused at the counter: an ID number with a wrong check character and a phone that is no mobile number.
        var mistyped = Named(new Family(system.Clock), out var mistypedRequest);
        families.Add((mistyped, mistypedRequest));
        var id = mistypedRequest.Visitors[0].IdNumber;
        mistypedRequest.Visitors[0].IdNumber = id[..17] + (id[17] == '0' ? '1' : '0');
        var invalid = await Assert.ThrowsAsync<RpcException>(() => _chain.Clerk.SubmitApplicationAsync(mistypedRequest).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);

        await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = scheduledId }),
            a => a.Timeline.Any(t => t.Event == TimelineEvent.VisitCancelled) && a.Timeline.Count(t => t.Event == TimelineEvent.SmsSent) >= 3,
            $"{scheduledId}'s cancellation to reach the family");
        await _chain.WaitForOutcomeAsync(refusedId, ApplicationStatus.BureauRejected, smsCount: 2);
        await _chain.WaitForOutcomeAsync(barredId, ApplicationStatus.PrisonRejected, smsCount: 2);

        // Something of each signal was seen, so an empty finding means "nothing there", not "nothing captured".
        Assert.All(new[] { "log", "span", "metric" }, signal => Assert.True(recording.CountOf(signal) > 0, $"no {signal} was captured"));
        var items = recording.Items;
        var secrets = families.SelectMany(f => Secrets(f.Request)).Distinct().ToList();
        var findings = items.SelectMany(item => secrets.Where(s => item.Contains(s, StringComparison.Ordinal)).Select(s => $"{Masked(s)} in {Excerpt(item, s)}"))
            .Concat(items.SelectMany(item => TelemetryScan.NumbersIn(item).Select(n => $"{Masked(n)} in {Excerpt(item, n)}")))
            .Distinct().Take(20).ToList();
        Assert.True(findings.Count == 0, $"personal data in the services' telemetry:\n{string.Join("\n", findings)}");
        // And none was there to begin with: the safety net had nothing to redact (the capture's logs are the raw ones).
        Assert.DoesNotContain(items, i => i.Contains(PersonalDataRedaction.CounterName, StringComparison.Ordinal));
    }

    [Fact]
    public void TheScanFindsIdNumbersWhateverTheirCheckCharacterAndMobileNumbersStandingAlone()
    {
        var id = Family.IdNumber(new DateOnly(1980, 5, 17), 123);
        var wrongCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        var text = $"phone=13912345678 id={id} other={wrongCheck} trace=a13912345678b ticks=639012345678901234 ms=1391234567890";

        Assert.Equal([id, wrongCheck, "13912345678"], TelemetryScan.NumbersIn(text));
    }

    /// <summary>The family's own names (visitor and inmate, unique to this run) and numbers.</summary>
    private static IEnumerable<string> Secrets(SubmitApplicationRequest request) =>
        request.Visitors.SelectMany(v => new[] { v.Name, v.IdNumber, v.Phone }).Append(request.Inmate.Name);

    /// <summary>A family whose visitor and inmate bear names no other test uses (so a finding is this test's).</summary>
    private static Family Named(Family family, out SubmitApplicationRequest request)
    {
        var tail = string.Concat(family.Phone[^4..].Select(d => "零一二三四五六七八九"[d - '0']));
        request = family.Application("欧阳" + tail);
        request.Visitors[0].Name = "司马" + tail;
        return family;
    }

    private static string Masked(string value) => value.Length <= 4 ? "**" : $"{value[..3]}…{value[^2..]}";

    private static string Excerpt(string item, string found)
    {
        var at = item.IndexOf(found, StringComparison.Ordinal);
        var start = Math.Max(0, at - 120);
        return item[start..Math.Min(item.Length, at + found.Length + 40)].Replace(found, Masked(found), StringComparison.Ordinal);
    }
}
