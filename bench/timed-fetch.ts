/** The app's fetch handler with its server time recorded per request (bench only): parent-text saves apart. */
export function timedFetch(app: { fetch(request: Request): Response | Promise<Response> }, sink: { timings: number[]; parentTimings: number[] }) {
  return async (request: Request): Promise<Response> => {
    const start = performance.now();
    const response = await app.fetch(request);
    (request.headers.get('x-bench-kind') === 'parentText' ? sink.parentTimings : sink.timings).push(performance.now() - start);
    return response;
  };
}
