using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"sms_messages\" RENAME CONSTRAINT \"PK_sms_messages\" TO \"pk_sms_messages\";");

            migrationBuilder.DropIndex(
                name: "IX_sms_messages_NextAttemptAt",
                table: "sms_messages");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"PK_scheduled_messages\" TO \"pk_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"recipients\" RENAME CONSTRAINT \"PK_recipients\" TO \"pk_recipients\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"PK_outbox_messages\" TO \"pk_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"PK_inbox_messages\" TO \"pk_inbox_messages\";");

            migrationBuilder.RenameColumn(
                name: "Text",
                table: "sms_messages",
                newName: "text");

            migrationBuilder.RenameColumn(
                name: "Status",
                table: "sms_messages",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Phone",
                table: "sms_messages",
                newName: "phone");

            migrationBuilder.RenameColumn(
                name: "Kind",
                table: "sms_messages",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Attempts",
                table: "sms_messages",
                newName: "attempts");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "sms_messages",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "SentAt",
                table: "sms_messages",
                newName: "sent_at");

            migrationBuilder.RenameColumn(
                name: "NextAttemptAt",
                table: "sms_messages",
                newName: "next_attempt_at");

            migrationBuilder.RenameColumn(
                name: "LastError",
                table: "sms_messages",
                newName: "last_error");

            migrationBuilder.RenameColumn(
                name: "GatewayId",
                table: "sms_messages",
                newName: "gateway_id");

            migrationBuilder.RenameColumn(
                name: "DedupKey",
                table: "sms_messages",
                newName: "dedup_key");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                table: "sms_messages",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "sms_messages",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_sms_messages_DedupKey",
                table: "sms_messages",
                newName: "ix_sms_messages_dedup_key");

            migrationBuilder.RenameIndex(
                name: "IX_sms_messages_ApplicationId",
                table: "sms_messages",
                newName: "ix_sms_messages_application_id");

            migrationBuilder.RenameColumn(
                name: "Phone",
                table: "recipients",
                newName: "phone");

            migrationBuilder.RenameColumn(
                name: "VisitMonth",
                table: "recipients",
                newName: "visit_month");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "recipients",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "OfficeId",
                table: "recipients",
                newName: "office_id");

            migrationBuilder.RenameColumn(
                name: "InmateName",
                table: "recipients",
                newName: "inmate_name");

            migrationBuilder.RenameColumn(
                name: "CountyId",
                table: "recipients",
                newName: "county_id");

            migrationBuilder.RenameColumn(
                name: "ContactName",
                table: "recipients",
                newName: "contact_name");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "recipients",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "ix_outbox_messages_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_next_attempt_at",
                table: "sms_messages",
                column: "next_attempt_at",
                filter: "status = 'Queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"sms_messages\" RENAME CONSTRAINT \"pk_sms_messages\" TO \"PK_sms_messages\";");

            migrationBuilder.DropIndex(
                name: "ix_sms_messages_next_attempt_at",
                table: "sms_messages");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"pk_scheduled_messages\" TO \"PK_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"recipients\" RENAME CONSTRAINT \"pk_recipients\" TO \"PK_recipients\";");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"pk_outbox_messages\" TO \"PK_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"pk_inbox_messages\" TO \"PK_inbox_messages\";");

            migrationBuilder.RenameColumn(
                name: "text",
                table: "sms_messages",
                newName: "Text");

            migrationBuilder.RenameColumn(
                name: "status",
                table: "sms_messages",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "phone",
                table: "sms_messages",
                newName: "Phone");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "sms_messages",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "attempts",
                table: "sms_messages",
                newName: "Attempts");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "sms_messages",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "sent_at",
                table: "sms_messages",
                newName: "SentAt");

            migrationBuilder.RenameColumn(
                name: "next_attempt_at",
                table: "sms_messages",
                newName: "NextAttemptAt");

            migrationBuilder.RenameColumn(
                name: "last_error",
                table: "sms_messages",
                newName: "LastError");

            migrationBuilder.RenameColumn(
                name: "gateway_id",
                table: "sms_messages",
                newName: "GatewayId");

            migrationBuilder.RenameColumn(
                name: "dedup_key",
                table: "sms_messages",
                newName: "DedupKey");

            migrationBuilder.RenameColumn(
                name: "created_at",
                table: "sms_messages",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "sms_messages",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_sms_messages_dedup_key",
                table: "sms_messages",
                newName: "IX_sms_messages_DedupKey");

            migrationBuilder.RenameIndex(
                name: "ix_sms_messages_application_id",
                table: "sms_messages",
                newName: "IX_sms_messages_ApplicationId");

            migrationBuilder.RenameColumn(
                name: "phone",
                table: "recipients",
                newName: "Phone");

            migrationBuilder.RenameColumn(
                name: "visit_month",
                table: "recipients",
                newName: "VisitMonth");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "recipients",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "office_id",
                table: "recipients",
                newName: "OfficeId");

            migrationBuilder.RenameColumn(
                name: "inmate_name",
                table: "recipients",
                newName: "InmateName");

            migrationBuilder.RenameColumn(
                name: "county_id",
                table: "recipients",
                newName: "CountyId");

            migrationBuilder.RenameColumn(
                name: "contact_name",
                table: "recipients",
                newName: "ContactName");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "recipients",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "IX_outbox_messages_message_id");

            migrationBuilder.CreateIndex(
                name: "IX_sms_messages_NextAttemptAt",
                table: "sms_messages",
                column: "NextAttemptAt",
                filter: "\"Status\" = 'Queued'");
        }
    }
}
