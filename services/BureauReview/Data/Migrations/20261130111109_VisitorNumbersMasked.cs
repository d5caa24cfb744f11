using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.Workflow.Reviewing;

#nullable disable

namespace Visitation.BureauReview.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitorNumbersMasked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reviews stored before events carried minimum data: masked, no visitor key (docs/data-minimisation.md).
            migrationBuilder.Sql(LegacyVisitorNumbers.MaskSql("reviews"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The full numbers are gone: nothing to restore.
        }
    }
}
