using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;
using Visitation.Workflow.Retention;
using MassTransit;
using Visitation.BureauReview.Data;
using Visitation.BureauReview.Features.Clock;
using Visitation.BureauReview.Features.Decide;
using Visitation.BureauReview.Features.ListReviews;
using Visitation.BureauReview.Features.Retention;
using Visitation.Messaging;
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
        builder.Services.AddScoped<Features.SendBack.SendBackHandler>();
        builder.Services.AddScoped<ListReviewsQuery>();
        builder.AddPeriodicWork<ExpireOverdueReviews>();
        builder.AddRetention<AnonymiseClosedReviews>();
        builder.AddAuditRelay(Name);
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(BureauReviewModule).Assembly));
        return builder;
    }
}
