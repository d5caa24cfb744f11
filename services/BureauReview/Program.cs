using Visitation.Contracts.Grpc.BureauReview;
using Visitation.BureauReview;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(BureauReviewModule.Name);
builder.AddRestDoor(BureauReviewModule.Name, typeof(BureauReviewService).Assembly);
builder.AddBureauReviewService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRestDoor();
app.MapSecuredGrpcService<BureauReviewGrpcService>();
app.Run();
