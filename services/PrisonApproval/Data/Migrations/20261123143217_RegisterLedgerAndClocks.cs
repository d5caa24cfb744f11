using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegisterLedgerAndClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "CrimeCategories",
                table: "inmates",
                type: "text[]",
                nullable: false,
                // Existing inmates have no categories yet.
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Custody",
                table: "inmates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "InCustody");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "inmates",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferredTo",
                table: "inmates",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueBy",
                table: "approvals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Failures",
                table: "approvals",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "InmateName",
                table: "approvals",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "VisitMonthStart",
                table: "approvals",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Applications already waiting get the copied-out columns from their stored facts.
            migrationBuilder.Sql("""
                UPDATE approvals
                SET "InmateName" = "Application"->>'inmateName',
                    "VisitMonthStart" = to_date("Application"->>'visitMonth' || '-01', 'YYYY-MM-DD');
                """);

            migrationBuilder.CreateTable(
                name: "barred_visitors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PrisonId = table.Column<string>(type: "text", nullable: false),
                    IdNumber = table.Column<string>(type: "text", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    SetBy = table.Column<string>(type: "text", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_barred_visitors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inmate_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InmateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SetBy = table.Column<string>(type: "text", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inmate_statuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inmate_statuses_inmates_InmateId",
                        column: x => x.InmateId,
                        principalTable: "inmates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quota_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InmateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Mode = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MinutesUsed = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quota_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "relatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InmateId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNumber = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Relation = table.Column<string>(type: "text", nullable: false),
                    FirstApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "text", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "special_approvals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InmateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Month = table.Column<string>(type: "text", nullable: false),
                    ApprovedBy = table.Column<List<string>>(type: "text[]", nullable: false),
                    Signatories = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_special_approvals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approvals_PrisonId_InmateName_Status",
                table: "approvals",
                columns: new[] { "PrisonId", "InmateName", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_barred_visitors_PrisonId_IdNumber",
                table: "barred_visitors",
                columns: new[] { "PrisonId", "IdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_inmate_statuses_InmateId",
                table: "inmate_statuses",
                column: "InmateId");

            migrationBuilder.CreateIndex(
                name: "IX_inmate_statuses_VisitId",
                table: "inmate_statuses",
                column: "VisitId",
                unique: true,
                filter: "\"VisitId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_quota_entries_ApplicationId",
                table: "quota_entries",
                column: "ApplicationId",
                unique: true,
                filter: "\"ApplicationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_quota_entries_InmateId_Month",
                table: "quota_entries",
                columns: new[] { "InmateId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_relatives_InmateId_IdNumber",
                table: "relatives",
                columns: new[] { "InmateId", "IdNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_special_approvals_InmateId_Month",
                table: "special_approvals",
                columns: new[] { "InmateId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "barred_visitors");

            migrationBuilder.DropTable(
                name: "inmate_statuses");

            migrationBuilder.DropTable(
                name: "quota_entries");

            migrationBuilder.DropTable(
                name: "relatives");

            migrationBuilder.DropTable(
                name: "special_approvals");

            migrationBuilder.DropIndex(
                name: "IX_approvals_PrisonId_InmateName_Status",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "CrimeCategories",
                table: "inmates");

            migrationBuilder.DropColumn(
                name: "Custody",
                table: "inmates");

            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "inmates");

            migrationBuilder.DropColumn(
                name: "TransferredTo",
                table: "inmates");

            migrationBuilder.DropColumn(
                name: "DueBy",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "Failures",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "InmateName",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "VisitMonthStart",
                table: "approvals");
        }
    }
}
