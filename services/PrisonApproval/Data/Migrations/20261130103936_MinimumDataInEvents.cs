using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.Workflow.Reviewing;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class MinimumDataInEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_relatives_inmate_id_id_number",
                table: "relatives");

            migrationBuilder.DropIndex(
                name: "ix_barred_visitors_prison_id_id_number",
                table: "barred_visitors");

            // Relatives: the register now keys a person by the visitor key. A migration holds no key,
            // so rows registered before keep their number in legacy_id_number (with a placeholder
            // key no visitor key can equal: it has a colon) until LegacyRelativeKeys computes their
            // key and clears the number as the service starts (docs/data-minimisation.md).
            migrationBuilder.AddColumn<string>(
                name: "id_number_masked",
                table: "relatives",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "visitor_key",
                table: "relatives",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE relatives
                SET id_number_masked = left(id_number, 4) || repeat('*', greatest(length(id_number) - 8, 0)) || right(id_number, 4),
                    visitor_key = 'legacy:' || id::text
                """);

            migrationBuilder.RenameColumn(
                name: "id_number",
                table: "relatives",
                newName: "legacy_id_number");

            migrationBuilder.AlterColumn<string>(
                name: "legacy_id_number",
                table: "relatives",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            // Bars: id_number stays the column; the field-protection sweep seals the clear values
            // and fills the index (the visitor key) on the first start.
            migrationBuilder.AddColumn<string>(
                name: "id_number_index",
                table: "barred_visitors",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Approvals stored with full numbers: masked, no key (LegacyVisitorNumbers).
            migrationBuilder.Sql(LegacyVisitorNumbers.MaskSql("approvals"));

            migrationBuilder.CreateIndex(
                name: "ix_relatives_inmate_id_visitor_key",
                table: "relatives",
                columns: new[] { "inmate_id", "visitor_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_barred_visitors_id_number_index",
                table: "barred_visitors",
                column: "id_number_index");

            migrationBuilder.CreateIndex(
                name: "ix_barred_visitors_prison_id",
                table: "barred_visitors",
                column: "prison_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_relatives_inmate_id_visitor_key",
                table: "relatives");

            migrationBuilder.DropIndex(
                name: "ix_barred_visitors_id_number_index",
                table: "barred_visitors");

            migrationBuilder.DropIndex(
                name: "ix_barred_visitors_prison_id",
                table: "barred_visitors");

            migrationBuilder.DropColumn(
                name: "id_number_masked",
                table: "relatives");

            migrationBuilder.DropColumn(
                name: "visitor_key",
                table: "relatives");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "barred_visitors");

            // A relative registered by visitor key has no number to give back: a placeholder keeps the
            // old unique index valid. Sealed bars stay sealed (a migration holds no key to open them).
            migrationBuilder.Sql("UPDATE relatives SET legacy_id_number = 'unknown:' || id::text WHERE legacy_id_number IS NULL");

            migrationBuilder.RenameColumn(
                name: "legacy_id_number",
                table: "relatives",
                newName: "id_number");

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "relatives",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_relatives_inmate_id_id_number",
                table: "relatives",
                columns: new[] { "inmate_id", "id_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_barred_visitors_prison_id_id_number",
                table: "barred_visitors",
                columns: new[] { "prison_id", "id_number" });
        }
    }
}
