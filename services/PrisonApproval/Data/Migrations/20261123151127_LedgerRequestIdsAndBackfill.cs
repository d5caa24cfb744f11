using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerRequestIdsAndBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "quota_entries",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_quota_entries_InmateId_RequestId",
                table: "quota_entries",
                columns: new[] { "InmateId", "RequestId" },
                unique: true,
                filter: "\"RequestId\" IS NOT NULL");

            // Visits approved before the ledger existed still take their month: book them, so a
            // second application for the same month is judged with them counted.
            migrationBuilder.Sql("""
                INSERT INTO quota_entries ("Id", "InmateId", "Month", "Date", "Mode", "Outcome", "ApplicationId", "RecordedBy", "RecordedAt", "Note")
                SELECT gen_random_uuid(), i."Id", a."Application"->>'visitMonth', NULL, 'video', 'booked', a."ApplicationId",
                       coalesce(a."DecidedBy", 'migration'), coalesce(a."DecidedAt", now()), '账簿建立前已批准'
                FROM approvals a
                JOIN inmates i ON i."PrisonId" = a."PrisonId" AND i."InmateNumber" = a."InmateNumber"
                WHERE a."Status" = 'Approved'
                  AND NOT EXISTS (SELECT 1 FROM quota_entries q WHERE q."ApplicationId" = a."ApplicationId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_quota_entries_InmateId_RequestId",
                table: "quota_entries");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "quota_entries");
        }
    }
}
