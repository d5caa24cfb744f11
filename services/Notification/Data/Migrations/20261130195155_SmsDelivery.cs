using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class SmsDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivered_at",
                table: "sms_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "failed_at",
                table: "sms_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "sms_messages",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "failures",
                table: "sms_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "office_id",
                table: "sms_messages",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "phone_index",
                table: "sms_messages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider",
                table: "sms_messages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_code",
                table: "sms_messages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "values",
                table: "sms_messages",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "visit_starts_at",
                table: "sms_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sms_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider_message_id = table.Column<string>(type: "text", nullable: true),
                    provider_code = table.Column<string>(type: "text", nullable: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_attempts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_phone_index",
                table: "sms_messages",
                column: "phone_index");

            migrationBuilder.CreateIndex(
                name: "ix_sms_attempts_message_id",
                table: "sms_attempts",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_sms_attempts_provider_message_id",
                table: "sms_attempts",
                column: "provider_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_sms_attempts_started_at",
                table: "sms_attempts",
                column: "started_at");

            // "Sent" meant "the gateway accepted it", which is now "Submitted" (no receipt yet).
            migrationBuilder.Sql("UPDATE sms_messages SET status = 'Submitted' WHERE status = 'Sent';");

            // Wakes the dispatchers listening (SmsQueueSignal) when SMS are queued; delivered at commit, once per transaction.
            migrationBuilder.Sql("""
                CREATE FUNCTION sms_queued_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('sms_queued', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER sms_queued AFTER INSERT ON sms_messages FOR EACH STATEMENT EXECUTE FUNCTION sms_queued_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER sms_queued ON sms_messages; DROP FUNCTION sms_queued_notify();");
            migrationBuilder.Sql("UPDATE sms_messages SET status = 'Sent' WHERE status IN ('Submitted', 'Delivered');");
            migrationBuilder.DropTable(
                name: "sms_attempts");

            migrationBuilder.DropIndex(
                name: "ix_sms_messages_phone_index",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "delivered_at",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "failed_at",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "failures",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "office_id",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "phone_index",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "provider",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "provider_code",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "values",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "visit_starts_at",
                table: "sms_messages");
        }
    }
}
