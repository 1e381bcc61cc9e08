export function NotFoundPage() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body"><a className="govuk-link" href="/">Go to My work</a></p>
    </>
  );
}
