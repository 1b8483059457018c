// Every answer the API sends is one its contract publishes: in tests, each JSON response is parsed with its route's
// schema (API_RESPONSES in @raksha/contracts), and one that does not parse fails the request with a 500 naming why.
import { type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { API_RESPONSES, type ApiRoute } from '@raksha/contracts';

/** `GET /cases/:id`: how API_RESPONSES names the route a controller method serves. */
export function routeOf(controller: Type, handler: object): string {
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
  const parts = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)] as (string | undefined)[];
  const path = parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/');
  return `${method} /${path}`;
}

/** The routes of these controllers, each as `routeOf` names it. */
export function routesOf(controllers: readonly Type[]): string[] {
  return controllers.flatMap((c) =>
    Object.getOwnPropertyNames(c.prototype)
      .map((name) => c.prototype[name] as unknown)
      .filter((fn): fn is object => typeof fn === 'function' && Reflect.hasMetadata(METHOD_METADATA, fn))
      .map((fn) => routeOf(c, fn)),
  );
}

@Injectable()
export class ResponseContractInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = routeOf(context.getClass(), context.getHandler());
    if (!(route in API_RESPONSES)) throw new HttpException(`${route} has no published response schema in API_RESPONSES`, 500);
    const schema = API_RESPONSES[route as ApiRoute];
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const type = String(res.getHeader('content-type') ?? 'application/json');
        if (schema === null || body === undefined || !type.includes('json')) return body;
        const parsed = schema.safeParse(JSON.parse(JSON.stringify(body)));
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
          throw new HttpException(`${route} answered what its published schema refuses: ${issues}`, 500);
        }
        return body;
      }),
    );
  }
}
