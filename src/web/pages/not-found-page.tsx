export function NotFoundPage() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body"><a className="govuk-link" href="/">Go to the start page</a></p>
    </>
  );
}

/** A page the viewer's role is not offered (a bookmark, a link sent by a colleague): it says so and shows nothing of it. */
export function NotPermittedPage(props: { home: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">You cannot use this page</h1>
      <p className="govuk-body">Your role does not include this part of Safeguard. If you need it for your work, ask your manager or administrator.</p>
      <p className="govuk-body"><a className="govuk-link" href={props.home}>Go to the start page</a></p>
    </>
  );
}
