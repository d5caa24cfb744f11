using Visitation.Workflow.ReferenceData;
using MassTransit;
using Visitation.BureauReview.Data;
using Visitation.BureauReview.Features.Clock;
using Visitation.BureauReview.Features.Decide;
using Visitation.Messaging;
using Visitation.Rules.Reviewing;
using Visitation.Messaging.Database;

namespace Visitation.BureauReview;

public static class BureauReviewModule
{
    public const string Name = "bureau-review";

    public static WebApplicationBuilder AddBureauReviewService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<BureauReviewDbContext>();
        builder.Services.AddScoped<ReviewDecisionHandler>();
        builder.AddPeriodicWork<ExpireOverdueReviews>();
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(BureauReviewModule).Assembly));
        return builder;
    }
}
