import { createHash } from 'node:crypto';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { AppError, type FieldProblem } from '../../common/errors';
import { FirstConversationsService } from '../enquiries/first-conversations.service';
import { layout } from './layout';
import type { FormState, Page } from './pages';
import { SiteService } from './site.service';

/** Public pages carry no script at all; images may come from https sources (cover images, article images). */
const PAGE_POLICY =
  "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const FORM_FIELDS = ['name', 'email', 'phone', 'preferredContact', 'therapistProfileId', 'message', 'website'] as const;

/**
 * The public site, rendered on the server: it reads without JavaScript, answers 404 for what does not
 * exist or is not public, and carries its title, description, canonical URL and Open Graph tags.
 */
@Controller()
export class SiteController {
  constructor(
    private readonly site: SiteService,
    private readonly firstConversations: FirstConversationsService,
  ) {}

  private send(res: Response, page: Page) {
    const html = layout(this.site.site, page.meta, page.body);
    // Revalidated on every visit (the ETag keeps it cheap): an unpublished article leaves at once.
    const etag = `W/"${createHash('sha1').update(html).digest('base64url')}"`;
    res.headers({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': PAGE_POLICY, ETag: etag });
    if (page.status === 200 && res.request.headers['if-none-match'] === etag) res.code(304).send();
    else res.code(page.status).type('text/html; charset=utf-8').send(html);
  }

  @Get()
  async home(@Res() res: Response) {
    this.send(res, await this.site.home());
  }

  @Get('articles')
  async articles(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    this.send(res, await this.site.articleIndex(query, req.url.split('?')[0]!));
  }

  @Get('articles/:slug')
  async article(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    const result = await this.site.article(slug, req.url.split('?')[0]!);
    if ('redirect' in result) res.redirect(result.redirect, 301);
    else this.send(res, result);
  }

  @Get('therapists')
  async therapists(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    this.send(res, await this.site.therapistIndex(query, req.url.split('?')[0]!));
  }

  @Get('therapists/:slug')
  async therapist(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    this.send(res, await this.site.therapist(slug, req.url.split('?')[0]!));
  }

  /** Deeper paths under the public sections do not exist. */
  @Get(['articles/*', 'therapists/*'])
  notFound(@Req() req: Request, @Res() res: Response) {
    this.send(res, this.site.notFound(req.url.split('?')[0]!));
  }

  @Get('help')
  help(@Res() res: Response) {
    this.send(res, this.site.help());
  }

  @Get('first-conversation')
  async firstConversationForm(@Query('therapist') therapistSlug: unknown, @Res() res: Response) {
    const values: Record<string, string> = {};
    if (typeof therapistSlug === 'string') {
      const chosen = (await this.site.acceptingTherapists()).find((profile) => profile.slug === therapistSlug);
      if (chosen) values.therapistProfileId = chosen.id;
    }
    this.send(res, await this.site.firstConversation({ values, errors: {} }));
  }

  /** The form works without JavaScript: errors come back on the page, success redirects (so a reload does not resend). */
  @Post('first-conversation')
  async requestFirstConversation(@Req() req: Request, @Res() res: Response) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const name of FORM_FIELDS) if (typeof body[name] === 'string') values[name] = body[name] as string;
    try {
      await this.firstConversations.submit(values, req.ip ?? 'unknown', []);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { website: _trap, ...kept } = values;
      const code = error.extensions.code;
      if (code === 'BAD_USER_INPUT') {
        const fields = (error.extensions.fields ?? []) as FieldProblem[];
        const errors: FormState['errors'] = {};
        for (const problem of fields) errors[problem.path[0] ?? 'form'] ??= problem.message;
        return this.send(res, await this.site.firstConversation({ values: kept, errors }, 400));
      }
      if (code === 'RATE_LIMITED') {
        res.header('Retry-After', String(error.extensions.retryAfterSeconds ?? 3600));
        return this.send(res, await this.site.firstConversation({ values: kept, errors: {}, problem: error.message }, 429));
      }
      throw error;
    }
    res.redirect('/first-conversation/sent', 303);
  }

  @Get('first-conversation/sent')
  sent(@Res() res: Response) {
    this.send(res, this.site.requestSent());
  }

  @Get('feed.xml')
  async feed(@Res() res: Response) {
    res.type('application/atom+xml; charset=utf-8').header('Cache-Control', 'no-cache').send(await this.site.feed());
  }

  @Get('sitemap.xml')
  async sitemap(@Res() res: Response) {
    res.type('application/xml; charset=utf-8').header('Cache-Control', 'no-cache').send(await this.site.sitemap());
  }

  @Get('robots.txt')
  robots(@Res() res: Response) {
    res.type('text/plain; charset=utf-8').send(this.site.robots());
  }
}
