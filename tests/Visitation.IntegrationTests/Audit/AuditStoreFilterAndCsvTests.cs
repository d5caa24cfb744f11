using System.Text;
using Google.Protobuf.WellKnownTypes;
using Visitation.AuditStore.Data;
using Visitation.AuditStore.Features.Export;
using Visitation.AuditStore.Features.Search;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.IntegrationTests.Audit;

/// <summary>The audit store's filter validation and CSV writing, without a server.</summary>
public sealed class AuditStoreFilterAndCsvTests
{
    [Fact]
    public void AnEmptyFilterMatchesEverythingWithinReach()
    {
        var violations = new FieldViolations();

        var query = AuditFilters.Parse(new AuditFilter(), violations);

        Assert.False(violations.Any);
        Assert.Equal(new AuditQuery(null, null, null, null, null, null, null, null, false), query);
    }

    [Fact]
    public void AValidFilterIsTakenAsGivenWithTheServiceByItsRelayName()
    {
        var violations = new FieldViolations();
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var query = AuditFilters.Parse(new AuditFilter
        {
            ActorUserId = "officer-sun", ActorOrganisation = "yongji-prison", RecordType = "visit", RecordId = "v1", EventType = "VisitConfirmed",
            Service = AuditService.PrisonApproval, RecordedFrom = Timestamp.FromDateTimeOffset(from), RecordedTo = Timestamp.FromDateTimeOffset(from.AddDays(1)),
        }, violations);

        Assert.False(violations.Any);
        Assert.Equal(new AuditQuery("officer-sun", "yongji-prison", "visit", "v1", "VisitConfirmed", "prison-approval", from, from.AddDays(1), false), query);
    }

    [Theory]
    [InlineData("actor_user_id")]
    [InlineData("actor_organisation")]
    [InlineData("record_type")]
    [InlineData("event_type")]
    public void ATextTooLongOrWithAControlCharacterIsRefused(string field)
    {
        foreach (var bad in new[] { new string('x', AuditFilters.MaxTextLength + 1), "a\nb" })
        {
            var filter = new AuditFilter();
            AuditFilter.Descriptor.FindFieldByName(field).Accessor.SetValue(filter, bad);
            var violations = new FieldViolations();

            AuditFilters.Parse(filter, violations);

            Assert.Contains(violations.Items, v => v.Field == $"filter.{field}");
        }
    }

    [Fact]
    public void ARecordIdWithoutItsTypeAnUnknownEventAndABackwardRangeAreRefused()
    {
        var violations = new FieldViolations();
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        AuditFilters.Parse(new AuditFilter
        {
            RecordId = "x", EventType = "Deleted", Service = (AuditService)42,
            RecordedFrom = Timestamp.FromDateTimeOffset(at), RecordedTo = Timestamp.FromDateTimeOffset(at),
        }, violations);

        Assert.Equal(["filter.record_id", "filter.event_type", "filter.service", "filter.recorded_to"], violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void AnOutOfRangeTimestampIsRefused()
    {
        var violations = new FieldViolations();

        AuditFilters.Parse(new AuditFilter { RecordedFrom = new Timestamp { Seconds = long.MaxValue } }, violations);

        Assert.Equal(["filter.recorded_from"], violations.Items.Select(v => v.Field));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1,2", "\"'-1,2\"")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void AFieldIsQuotedWhenItMustBeAndNeverReadAsAFormula(string? value, string written)
    {
        Assert.Equal(written, AuditCsv.Field(value));
    }

    [Fact]
    public void AnExportIsAHeaderThenOneCrlfLinePerRowInOrder()
    {
        var at = new DateTimeOffset(2026, 2, 2, 1, 0, 3, TimeSpan.Zero).AddTicks(1234560);
        StoredAuditRow Row(long seq, string outcome) => new()
        {
            Service = "scheduling", Chain = "changes", Seq = seq, RecordedAt = at, ActorUserId = "officer-sun", ActorRole = "officer",
            ActorOrganisation = "yongji-prison", EventType = "VisitConfirmed", RecordType = "visit", RecordId = "v", Outcome = outcome,
            PreviousHash = "p", RowHash = "h" + seq, ReceivedAt = at, OwnerOrganisation = seq == 2 ? "yongji-venue" : null,
        };

        var csv = Encoding.UTF8.GetString(AuditCsv.Write([Row(2, "done"), Row(1, "rows:1,2")]));

        var lines = csv.Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two rows, and the empty remainder after the last CRLF
        Assert.Equal(string.Join(',', AuditCsv.Header), lines[0]);
        Assert.Equal("scheduling,changes,2,2026-02-02T01:00:03.123456Z,officer-sun,officer,yongji-prison,,VisitConfirmed,visit,v,,,done,,p,h2,false,yongji-venue", lines[1]);
        Assert.EndsWith(",\"rows:1,2\",,p,h1,false,", lines[2], StringComparison.Ordinal); // no owner: an empty last field
        Assert.Empty(lines[3]);
    }
}
