using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.BureauReview.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"PK_scheduled_messages\" TO \"pk_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"reviews\" RENAME CONSTRAINT \"PK_reviews\" TO \"pk_reviews\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"PK_outbox_messages\" TO \"pk_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"PK_inbox_messages\" TO \"pk_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"application_tombstones\" RENAME CONSTRAINT \"PK_application_tombstones\" TO \"pk_application_tombstones\";");

            migrationBuilder.RenameColumn(
                name: "Status",
                table: "reviews",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "reviews",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "Application",
                table: "reviews",
                newName: "application");

            migrationBuilder.RenameColumn(
                name: "VisitMonthStart",
                table: "reviews",
                newName: "visit_month_start");

            migrationBuilder.RenameColumn(
                name: "ReceivedAt",
                table: "reviews",
                newName: "received_at");

            migrationBuilder.RenameColumn(
                name: "ReasonCode",
                table: "reviews",
                newName: "reason_code");

            migrationBuilder.RenameColumn(
                name: "OfficeId",
                table: "reviews",
                newName: "office_id");

            migrationBuilder.RenameColumn(
                name: "DueBy",
                table: "reviews",
                newName: "due_by");

            migrationBuilder.RenameColumn(
                name: "DecidedBy",
                table: "reviews",
                newName: "decided_by");

            migrationBuilder.RenameColumn(
                name: "DecidedAt",
                table: "reviews",
                newName: "decided_at");

            migrationBuilder.RenameColumn(
                name: "CountyId",
                table: "reviews",
                newName: "county_id");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "reviews",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_reviews_CountyId_Status_ReceivedAt",
                table: "reviews",
                newName: "ix_reviews_county_id_status_received_at");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "ix_outbox_messages_message_id");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"pk_scheduled_messages\" TO \"PK_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"reviews\" RENAME CONSTRAINT \"pk_reviews\" TO \"PK_reviews\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"pk_outbox_messages\" TO \"PK_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"pk_inbox_messages\" TO \"PK_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"application_tombstones\" RENAME CONSTRAINT \"pk_application_tombstones\" TO \"PK_application_tombstones\";");

            migrationBuilder.RenameColumn(
                name: "status",
                table: "reviews",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "reviews",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "application",
                table: "reviews",
                newName: "Application");

            migrationBuilder.RenameColumn(
                name: "visit_month_start",
                table: "reviews",
                newName: "VisitMonthStart");

            migrationBuilder.RenameColumn(
                name: "received_at",
                table: "reviews",
                newName: "ReceivedAt");

            migrationBuilder.RenameColumn(
                name: "reason_code",
                table: "reviews",
                newName: "ReasonCode");

            migrationBuilder.RenameColumn(
                name: "office_id",
                table: "reviews",
                newName: "OfficeId");

            migrationBuilder.RenameColumn(
                name: "due_by",
                table: "reviews",
                newName: "DueBy");

            migrationBuilder.RenameColumn(
                name: "decided_by",
                table: "reviews",
                newName: "DecidedBy");

            migrationBuilder.RenameColumn(
                name: "decided_at",
                table: "reviews",
                newName: "DecidedAt");

            migrationBuilder.RenameColumn(
                name: "county_id",
                table: "reviews",
                newName: "CountyId");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "reviews",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_reviews_county_id_status_received_at",
                table: "reviews",
                newName: "IX_reviews_CountyId_Status_ReceivedAt");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "IX_outbox_messages_message_id");

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
        }
    }
}
