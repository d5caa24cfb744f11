using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"application_visitors\" RENAME CONSTRAINT \"FK_application_visitors_applications_ApplicationId\" TO \"fk_application_visitors_applications_application_id\";");

            migrationBuilder.Sql("ALTER TABLE \"timeline\" RENAME CONSTRAINT \"FK_timeline_applications_ApplicationId\" TO \"fk_timeline_applications_application_id\";");

            migrationBuilder.Sql("ALTER TABLE \"timeline\" RENAME CONSTRAINT \"PK_timeline\" TO \"pk_timeline\";");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"PK_scheduled_messages\" TO \"pk_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"PK_outbox_messages\" TO \"pk_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"PK_inbox_messages\" TO \"pk_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"applications\" RENAME CONSTRAINT \"PK_applications\" TO \"pk_applications\";");

            migrationBuilder.Sql("ALTER TABLE \"application_visitors\" RENAME CONSTRAINT \"PK_application_visitors\" TO \"pk_application_visitors\";");

            migrationBuilder.RenameColumn(
                name: "Stage",
                table: "timeline",
                newName: "stage");

            migrationBuilder.RenameColumn(
                name: "Event",
                table: "timeline",
                newName: "event");

            migrationBuilder.RenameColumn(
                name: "Detail",
                table: "timeline",
                newName: "detail");

            migrationBuilder.RenameColumn(
                name: "At",
                table: "timeline",
                newName: "at");

            migrationBuilder.RenameColumn(
                name: "Actor",
                table: "timeline",
                newName: "actor");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "timeline",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "ReasonCode",
                table: "timeline",
                newName: "reason_code");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "timeline",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_timeline_ApplicationId_At",
                table: "timeline",
                newName: "ix_timeline_application_id_at");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "ix_outbox_messages_message_id");

            migrationBuilder.RenameColumn(
                name: "Status",
                table: "applications",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "applications",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "VisitStart",
                table: "applications",
                newName: "visit_start");

            migrationBuilder.RenameColumn(
                name: "VisitMonth",
                table: "applications",
                newName: "visit_month");

            migrationBuilder.RenameColumn(
                name: "VisitMinutes",
                table: "applications",
                newName: "visit_minutes");

            migrationBuilder.RenameColumn(
                name: "VisitId",
                table: "applications",
                newName: "visit_id");

            migrationBuilder.RenameColumn(
                name: "VisitDate",
                table: "applications",
                newName: "visit_date");

            migrationBuilder.RenameColumn(
                name: "VenueId",
                table: "applications",
                newName: "venue_id");

            migrationBuilder.RenameColumn(
                name: "SubmittedBy",
                table: "applications",
                newName: "submitted_by");

            migrationBuilder.RenameColumn(
                name: "SubmittedAt",
                table: "applications",
                newName: "submitted_at");

            migrationBuilder.RenameColumn(
                name: "RequestId",
                table: "applications",
                newName: "request_id");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "applications",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "PrisonArea",
                table: "applications",
                newName: "prison_area");

            migrationBuilder.RenameColumn(
                name: "PreferredPartOfDay",
                table: "applications",
                newName: "preferred_part_of_day");

            migrationBuilder.RenameColumn(
                name: "PreferredDates",
                table: "applications",
                newName: "preferred_dates");

            migrationBuilder.RenameColumn(
                name: "OfficeId",
                table: "applications",
                newName: "office_id");

            migrationBuilder.RenameColumn(
                name: "InmateName",
                table: "applications",
                newName: "inmate_name");

            migrationBuilder.RenameColumn(
                name: "CountyId",
                table: "applications",
                newName: "county_id");

            migrationBuilder.RenameIndex(
                name: "IX_applications_OfficeId_SubmittedAt",
                table: "applications",
                newName: "ix_applications_office_id_submitted_at");

            migrationBuilder.RenameIndex(
                name: "IX_applications_OfficeId_RequestId",
                table: "applications",
                newName: "ix_applications_office_id_request_id");

            migrationBuilder.RenameColumn(
                name: "Relation",
                table: "application_visitors",
                newName: "relation");

            migrationBuilder.RenameColumn(
                name: "Phone",
                table: "application_visitors",
                newName: "phone");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "application_visitors",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Documents",
                table: "application_visitors",
                newName: "documents");

            migrationBuilder.RenameColumn(
                name: "Ordinal",
                table: "application_visitors",
                newName: "ordinal");

            migrationBuilder.RenameColumn(
                name: "IsGuardian",
                table: "application_visitors",
                newName: "is_guardian");

            migrationBuilder.RenameColumn(
                name: "IsContact",
                table: "application_visitors",
                newName: "is_contact");

            migrationBuilder.RenameColumn(
                name: "IdNumber",
                table: "application_visitors",
                newName: "id_number");

            migrationBuilder.RenameColumn(
                name: "BirthDate",
                table: "application_visitors",
                newName: "birth_date");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "application_visitors",
                newName: "application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"application_visitors\" RENAME CONSTRAINT \"fk_application_visitors_applications_application_id\" TO \"FK_application_visitors_applications_ApplicationId\";");

            migrationBuilder.Sql("ALTER TABLE \"timeline\" RENAME CONSTRAINT \"fk_timeline_applications_application_id\" TO \"FK_timeline_applications_ApplicationId\";");

            migrationBuilder.Sql("ALTER TABLE \"timeline\" RENAME CONSTRAINT \"pk_timeline\" TO \"PK_timeline\";");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"pk_scheduled_messages\" TO \"PK_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"pk_outbox_messages\" TO \"PK_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"pk_inbox_messages\" TO \"PK_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"applications\" RENAME CONSTRAINT \"pk_applications\" TO \"PK_applications\";");

            migrationBuilder.Sql("ALTER TABLE \"application_visitors\" RENAME CONSTRAINT \"pk_application_visitors\" TO \"PK_application_visitors\";");

            migrationBuilder.RenameColumn(
                name: "stage",
                table: "timeline",
                newName: "Stage");

            migrationBuilder.RenameColumn(
                name: "event",
                table: "timeline",
                newName: "Event");

            migrationBuilder.RenameColumn(
                name: "detail",
                table: "timeline",
                newName: "Detail");

            migrationBuilder.RenameColumn(
                name: "at",
                table: "timeline",
                newName: "At");

            migrationBuilder.RenameColumn(
                name: "actor",
                table: "timeline",
                newName: "Actor");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "timeline",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "reason_code",
                table: "timeline",
                newName: "ReasonCode");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "timeline",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_timeline_application_id_at",
                table: "timeline",
                newName: "IX_timeline_ApplicationId_At");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "IX_outbox_messages_message_id");

            migrationBuilder.RenameColumn(
                name: "status",
                table: "applications",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "applications",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "visit_start",
                table: "applications",
                newName: "VisitStart");

            migrationBuilder.RenameColumn(
                name: "visit_month",
                table: "applications",
                newName: "VisitMonth");

            migrationBuilder.RenameColumn(
                name: "visit_minutes",
                table: "applications",
                newName: "VisitMinutes");

            migrationBuilder.RenameColumn(
                name: "visit_id",
                table: "applications",
                newName: "VisitId");

            migrationBuilder.RenameColumn(
                name: "visit_date",
                table: "applications",
                newName: "VisitDate");

            migrationBuilder.RenameColumn(
                name: "venue_id",
                table: "applications",
                newName: "VenueId");

            migrationBuilder.RenameColumn(
                name: "submitted_by",
                table: "applications",
                newName: "SubmittedBy");

            migrationBuilder.RenameColumn(
                name: "submitted_at",
                table: "applications",
                newName: "SubmittedAt");

            migrationBuilder.RenameColumn(
                name: "request_id",
                table: "applications",
                newName: "RequestId");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "applications",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "prison_area",
                table: "applications",
                newName: "PrisonArea");

            migrationBuilder.RenameColumn(
                name: "preferred_part_of_day",
                table: "applications",
                newName: "PreferredPartOfDay");

            migrationBuilder.RenameColumn(
                name: "preferred_dates",
                table: "applications",
                newName: "PreferredDates");

            migrationBuilder.RenameColumn(
                name: "office_id",
                table: "applications",
                newName: "OfficeId");

            migrationBuilder.RenameColumn(
                name: "inmate_name",
                table: "applications",
                newName: "InmateName");

            migrationBuilder.RenameColumn(
                name: "county_id",
                table: "applications",
                newName: "CountyId");

            migrationBuilder.RenameIndex(
                name: "ix_applications_office_id_submitted_at",
                table: "applications",
                newName: "IX_applications_OfficeId_SubmittedAt");

            migrationBuilder.RenameIndex(
                name: "ix_applications_office_id_request_id",
                table: "applications",
                newName: "IX_applications_OfficeId_RequestId");

            migrationBuilder.RenameColumn(
                name: "relation",
                table: "application_visitors",
                newName: "Relation");

            migrationBuilder.RenameColumn(
                name: "phone",
                table: "application_visitors",
                newName: "Phone");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "application_visitors",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "documents",
                table: "application_visitors",
                newName: "Documents");

            migrationBuilder.RenameColumn(
                name: "ordinal",
                table: "application_visitors",
                newName: "Ordinal");

            migrationBuilder.RenameColumn(
                name: "is_guardian",
                table: "application_visitors",
                newName: "IsGuardian");

            migrationBuilder.RenameColumn(
                name: "is_contact",
                table: "application_visitors",
                newName: "IsContact");

            migrationBuilder.RenameColumn(
                name: "id_number",
                table: "application_visitors",
                newName: "IdNumber");

            migrationBuilder.RenameColumn(
                name: "birth_date",
                table: "application_visitors",
                newName: "BirthDate");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "application_visitors",
                newName: "ApplicationId");
        }
    }
}
