using MassTransit;
using Visitation.BureauReview.Data;
using Visitation.BureauReview.Features.Clock;
using Visitation.BureauReview.Features.Decide;
using Visitation.ServiceDefaults.Clocks;
using Visitation.ServiceDefaults.Data;
using Visitation.ServiceDefaults.Messaging;

namespace Visitation.BureauReview;

public static class BureauReviewModule
{
    public const string Name = "bureau-review";

    public static WebApplicationBuilder AddBureauReviewService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BureauReviewDbContext>();
        builder.Services.AddScoped<ReviewDecisionHandler>();
        builder.AddPeriodicWork<ExpireOverdueReviews>();
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(BureauReviewModule).Assembly));
        return builder;
    }
}
