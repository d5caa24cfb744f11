using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"visits\" RENAME CONSTRAINT \"PK_visits\" TO \"pk_visits\";");

            migrationBuilder.DropIndex(
                name: "IX_visits_ApplicationId",
                table: "visits");

            migrationBuilder.Sql("ALTER TABLE \"visit_interruptions\" RENAME CONSTRAINT \"PK_visit_interruptions\" TO \"pk_visit_interruptions\";");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"PK_scheduled_messages\" TO \"pk_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"PK_outbox_messages\" TO \"pk_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"PK_inbox_messages\" TO \"pk_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"closures\" RENAME CONSTRAINT \"PK_closures\" TO \"pk_closures\";");

            migrationBuilder.Sql("ALTER TABLE \"cancellation_requests\" RENAME CONSTRAINT \"PK_cancellation_requests\" TO \"pk_cancellation_requests\";");

            migrationBuilder.Sql("ALTER TABLE \"application_tombstones\" RENAME CONSTRAINT \"PK_application_tombstones\" TO \"pk_application_tombstones\";");

            migrationBuilder.RenameColumn(
                name: "Status",
                table: "visits",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Start",
                table: "visits",
                newName: "start");

            migrationBuilder.RenameColumn(
                name: "Severity",
                table: "visits",
                newName: "severity");

            migrationBuilder.RenameColumn(
                name: "Minutes",
                table: "visits",
                newName: "minutes");

            migrationBuilder.RenameColumn(
                name: "Date",
                table: "visits",
                newName: "date");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "visits",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "VisitMonth",
                table: "visits",
                newName: "visit_month");

            migrationBuilder.RenameColumn(
                name: "VenueTerminal",
                table: "visits",
                newName: "venue_terminal");

            migrationBuilder.RenameColumn(
                name: "VenueId",
                table: "visits",
                newName: "venue_id");

            migrationBuilder.RenameColumn(
                name: "TalkTime",
                table: "visits",
                newName: "talk_time");

            migrationBuilder.RenameColumn(
                name: "StartedAt",
                table: "visits",
                newName: "started_at");

            migrationBuilder.RenameColumn(
                name: "ReplacedBy",
                table: "visits",
                newName: "replaced_by");

            migrationBuilder.RenameColumn(
                name: "PrisonTerminal",
                table: "visits",
                newName: "prison_terminal");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "visits",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "PrisonArea",
                table: "visits",
                newName: "prison_area");

            migrationBuilder.RenameColumn(
                name: "PreferredPartOfDay",
                table: "visits",
                newName: "preferred_part_of_day");

            migrationBuilder.RenameColumn(
                name: "PreferredDates",
                table: "visits",
                newName: "preferred_dates");

            migrationBuilder.RenameColumn(
                name: "PenaltyMonths",
                table: "visits",
                newName: "penalty_months");

            migrationBuilder.RenameColumn(
                name: "OutcomeReasonCode",
                table: "visits",
                newName: "outcome_reason_code");

            migrationBuilder.RenameColumn(
                name: "OutcomeReason",
                table: "visits",
                newName: "outcome_reason");

            migrationBuilder.RenameColumn(
                name: "MinutesUsed",
                table: "visits",
                newName: "minutes_used");

            migrationBuilder.RenameColumn(
                name: "InmateNumber",
                table: "visits",
                newName: "inmate_number");

            migrationBuilder.RenameColumn(
                name: "InmateName",
                table: "visits",
                newName: "inmate_name");

            migrationBuilder.RenameColumn(
                name: "HoldExpiresAt",
                table: "visits",
                newName: "hold_expires_at");

            migrationBuilder.RenameColumn(
                name: "EndedBy",
                table: "visits",
                newName: "ended_by");

            migrationBuilder.RenameColumn(
                name: "EndedAt",
                table: "visits",
                newName: "ended_at");

            migrationBuilder.RenameColumn(
                name: "EarliestDate",
                table: "visits",
                newName: "earliest_date");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "visits",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "CountyId",
                table: "visits",
                newName: "county_id");

            migrationBuilder.RenameColumn(
                name: "ConnectedSince",
                table: "visits",
                newName: "connected_since");

            migrationBuilder.RenameColumn(
                name: "ConfirmedBy",
                table: "visits",
                newName: "confirmed_by");

            migrationBuilder.RenameColumn(
                name: "ConfirmedAt",
                table: "visits",
                newName: "confirmed_at");

            migrationBuilder.RenameColumn(
                name: "ClosureId",
                table: "visits",
                newName: "closure_id");

            migrationBuilder.RenameColumn(
                name: "CheckedInBy",
                table: "visits",
                newName: "checked_in_by");

            migrationBuilder.RenameColumn(
                name: "CheckedInAt",
                table: "visits",
                newName: "checked_in_at");

            migrationBuilder.RenameColumn(
                name: "BlockedUntil",
                table: "visits",
                newName: "blocked_until");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "visits",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_visits_VenueId_Date",
                table: "visits",
                newName: "ix_visits_venue_id_date");

            migrationBuilder.RenameIndex(
                name: "IX_visits_PrisonId_Date",
                table: "visits",
                newName: "ix_visits_prison_id_date");

            migrationBuilder.RenameColumn(
                name: "Note",
                table: "visit_interruptions",
                newName: "note");

            migrationBuilder.RenameColumn(
                name: "Cause",
                table: "visit_interruptions",
                newName: "cause");

            migrationBuilder.RenameColumn(
                name: "At",
                table: "visit_interruptions",
                newName: "at");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "visit_interruptions",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "VisitId",
                table: "visit_interruptions",
                newName: "visit_id");

            migrationBuilder.RenameColumn(
                name: "ResumedAt",
                table: "visit_interruptions",
                newName: "resumed_at");

            migrationBuilder.RenameColumn(
                name: "RecordedBy",
                table: "visit_interruptions",
                newName: "recorded_by");

            migrationBuilder.RenameIndex(
                name: "IX_visit_interruptions_VisitId",
                table: "visit_interruptions",
                newName: "ix_visit_interruptions_visit_id");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "ix_outbox_messages_message_id");

            migrationBuilder.RenameColumn(
                name: "To",
                table: "closures",
                newName: "to");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "closures",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "From",
                table: "closures",
                newName: "from");

            migrationBuilder.RenameColumn(
                name: "Date",
                table: "closures",
                newName: "date");

            migrationBuilder.RenameColumn(
                name: "Cause",
                table: "closures",
                newName: "cause");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "closures",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "VenueId",
                table: "closures",
                newName: "venue_id");

            migrationBuilder.RenameColumn(
                name: "TerminalId",
                table: "closures",
                newName: "terminal_id");

            migrationBuilder.RenameColumn(
                name: "ReopenedBy",
                table: "closures",
                newName: "reopened_by");

            migrationBuilder.RenameColumn(
                name: "ReopenedAt",
                table: "closures",
                newName: "reopened_at");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "closures",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "CreatedBy",
                table: "closures",
                newName: "created_by");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "closures",
                newName: "created_at");

            migrationBuilder.RenameIndex(
                name: "IX_closures_VenueId_Date",
                table: "closures",
                newName: "ix_closures_venue_id_date");

            migrationBuilder.RenameIndex(
                name: "IX_closures_PrisonId_Date",
                table: "closures",
                newName: "ix_closures_prison_id_date");

            migrationBuilder.RenameColumn(
                name: "To",
                table: "cancellation_requests",
                newName: "to");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "cancellation_requests",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "From",
                table: "cancellation_requests",
                newName: "from");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "cancellation_requests",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "RequestedAt",
                table: "cancellation_requests",
                newName: "requested_at");

            migrationBuilder.RenameColumn(
                name: "ReasonCode",
                table: "cancellation_requests",
                newName: "reason_code");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "cancellation_requests",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_cancellation_requests_ApplicationId",
                table: "cancellation_requests",
                newName: "ix_cancellation_requests_application_id");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "application_tombstones",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "WithdrawnAt",
                table: "application_tombstones",
                newName: "withdrawn_at");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "application_tombstones",
                newName: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_application_id",
                table: "visits",
                column: "application_id",
                unique: true,
                filter: "status IN ('Proposed', 'Scheduled', 'CheckedIn')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"visits\" RENAME CONSTRAINT \"pk_visits\" TO \"PK_visits\";");

            migrationBuilder.DropIndex(
                name: "ix_visits_application_id",
                table: "visits");

            migrationBuilder.Sql("ALTER TABLE \"visit_interruptions\" RENAME CONSTRAINT \"pk_visit_interruptions\" TO \"PK_visit_interruptions\";");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"pk_scheduled_messages\" TO \"PK_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"pk_outbox_messages\" TO \"PK_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"pk_inbox_messages\" TO \"PK_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"closures\" RENAME CONSTRAINT \"pk_closures\" TO \"PK_closures\";");

            migrationBuilder.Sql("ALTER TABLE \"cancellation_requests\" RENAME CONSTRAINT \"pk_cancellation_requests\" TO \"PK_cancellation_requests\";");

            migrationBuilder.Sql("ALTER TABLE \"application_tombstones\" RENAME CONSTRAINT \"pk_application_tombstones\" TO \"PK_application_tombstones\";");

            migrationBuilder.RenameColumn(
                name: "status",
                table: "visits",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "start",
                table: "visits",
                newName: "Start");

            migrationBuilder.RenameColumn(
                name: "severity",
                table: "visits",
                newName: "Severity");

            migrationBuilder.RenameColumn(
                name: "minutes",
                table: "visits",
                newName: "Minutes");

            migrationBuilder.RenameColumn(
                name: "date",
                table: "visits",
                newName: "Date");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "visits",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "visit_month",
                table: "visits",
                newName: "VisitMonth");

            migrationBuilder.RenameColumn(
                name: "venue_terminal",
                table: "visits",
                newName: "VenueTerminal");

            migrationBuilder.RenameColumn(
                name: "venue_id",
                table: "visits",
                newName: "VenueId");

            migrationBuilder.RenameColumn(
                name: "talk_time",
                table: "visits",
                newName: "TalkTime");

            migrationBuilder.RenameColumn(
                name: "started_at",
                table: "visits",
                newName: "StartedAt");

            migrationBuilder.RenameColumn(
                name: "replaced_by",
                table: "visits",
                newName: "ReplacedBy");

            migrationBuilder.RenameColumn(
                name: "prison_terminal",
                table: "visits",
                newName: "PrisonTerminal");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "visits",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "prison_area",
                table: "visits",
                newName: "PrisonArea");

            migrationBuilder.RenameColumn(
                name: "preferred_part_of_day",
                table: "visits",
                newName: "PreferredPartOfDay");

            migrationBuilder.RenameColumn(
                name: "preferred_dates",
                table: "visits",
                newName: "PreferredDates");

            migrationBuilder.RenameColumn(
                name: "penalty_months",
                table: "visits",
                newName: "PenaltyMonths");

            migrationBuilder.RenameColumn(
                name: "outcome_reason_code",
                table: "visits",
                newName: "OutcomeReasonCode");

            migrationBuilder.RenameColumn(
                name: "outcome_reason",
                table: "visits",
                newName: "OutcomeReason");

            migrationBuilder.RenameColumn(
                name: "minutes_used",
                table: "visits",
                newName: "MinutesUsed");

            migrationBuilder.RenameColumn(
                name: "inmate_number",
                table: "visits",
                newName: "InmateNumber");

            migrationBuilder.RenameColumn(
                name: "inmate_name",
                table: "visits",
                newName: "InmateName");

            migrationBuilder.RenameColumn(
                name: "hold_expires_at",
                table: "visits",
                newName: "HoldExpiresAt");

            migrationBuilder.RenameColumn(
                name: "ended_by",
                table: "visits",
                newName: "EndedBy");

            migrationBuilder.RenameColumn(
                name: "ended_at",
                table: "visits",
                newName: "EndedAt");

            migrationBuilder.RenameColumn(
                name: "earliest_date",
                table: "visits",
                newName: "EarliestDate");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "visits",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "county_id",
                table: "visits",
                newName: "CountyId");

            migrationBuilder.RenameColumn(
                name: "connected_since",
                table: "visits",
                newName: "ConnectedSince");

            migrationBuilder.RenameColumn(
                name: "confirmed_by",
                table: "visits",
                newName: "ConfirmedBy");

            migrationBuilder.RenameColumn(
                name: "confirmed_at",
                table: "visits",
                newName: "ConfirmedAt");

            migrationBuilder.RenameColumn(
                name: "closure_id",
                table: "visits",
                newName: "ClosureId");

            migrationBuilder.RenameColumn(
                name: "checked_in_by",
                table: "visits",
                newName: "CheckedInBy");

            migrationBuilder.RenameColumn(
                name: "checked_in_at",
                table: "visits",
                newName: "CheckedInAt");

            migrationBuilder.RenameColumn(
                name: "blocked_until",
                table: "visits",
                newName: "BlockedUntil");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "visits",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_visits_venue_id_date",
                table: "visits",
                newName: "IX_visits_VenueId_Date");

            migrationBuilder.RenameIndex(
                name: "ix_visits_prison_id_date",
                table: "visits",
                newName: "IX_visits_PrisonId_Date");

            migrationBuilder.RenameColumn(
                name: "note",
                table: "visit_interruptions",
                newName: "Note");

            migrationBuilder.RenameColumn(
                name: "cause",
                table: "visit_interruptions",
                newName: "Cause");

            migrationBuilder.RenameColumn(
                name: "at",
                table: "visit_interruptions",
                newName: "At");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "visit_interruptions",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "visit_id",
                table: "visit_interruptions",
                newName: "VisitId");

            migrationBuilder.RenameColumn(
                name: "resumed_at",
                table: "visit_interruptions",
                newName: "ResumedAt");

            migrationBuilder.RenameColumn(
                name: "recorded_by",
                table: "visit_interruptions",
                newName: "RecordedBy");

            migrationBuilder.RenameIndex(
                name: "ix_visit_interruptions_visit_id",
                table: "visit_interruptions",
                newName: "IX_visit_interruptions_VisitId");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "IX_outbox_messages_message_id");

            migrationBuilder.RenameColumn(
                name: "to",
                table: "closures",
                newName: "To");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "closures",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "from",
                table: "closures",
                newName: "From");

            migrationBuilder.RenameColumn(
                name: "date",
                table: "closures",
                newName: "Date");

            migrationBuilder.RenameColumn(
                name: "cause",
                table: "closures",
                newName: "Cause");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "closures",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "venue_id",
                table: "closures",
                newName: "VenueId");

            migrationBuilder.RenameColumn(
                name: "terminal_id",
                table: "closures",
                newName: "TerminalId");

            migrationBuilder.RenameColumn(
                name: "reopened_by",
                table: "closures",
                newName: "ReopenedBy");

            migrationBuilder.RenameColumn(
                name: "reopened_at",
                table: "closures",
                newName: "ReopenedAt");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "closures",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "created_by",
                table: "closures",
                newName: "CreatedBy");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "closures",
                newName: "CreatedAt");

            migrationBuilder.RenameIndex(
                name: "ix_closures_venue_id_date",
                table: "closures",
                newName: "IX_closures_VenueId_Date");

            migrationBuilder.RenameIndex(
                name: "ix_closures_prison_id_date",
                table: "closures",
                newName: "IX_closures_PrisonId_Date");

            migrationBuilder.RenameColumn(
                name: "to",
                table: "cancellation_requests",
                newName: "To");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "cancellation_requests",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "from",
                table: "cancellation_requests",
                newName: "From");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "cancellation_requests",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "requested_at",
                table: "cancellation_requests",
                newName: "RequestedAt");

            migrationBuilder.RenameColumn(
                name: "reason_code",
                table: "cancellation_requests",
                newName: "ReasonCode");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "cancellation_requests",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_cancellation_requests_application_id",
                table: "cancellation_requests",
                newName: "IX_cancellation_requests_ApplicationId");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "application_tombstones",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "withdrawn_at",
                table: "application_tombstones",
                newName: "WithdrawnAt");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "application_tombstones",
                newName: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_visits_ApplicationId",
                table: "visits",
                column: "ApplicationId",
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Scheduled', 'CheckedIn')");
        }
    }
}
